namespace Fashionistas.Web.Api.Csv;

/// <summary>RFC 4180 cells that spreadsheets open as text, never as formulas.</summary>
public static class CsvCells
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n', ';'];

    /// <summary>
    /// The cell for <paramref name="value"/>: text a spreadsheet would run as a formula (starting with =, +, -, @, tab
    /// or carriage return: CSV injection) gets a leading apostrophe; cells with separators, quotes or line breaks are
    /// quoted with inner quotes doubled.
    /// </summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Row(params string?[] values) => string.Join(',', values.Select(Cell)) + "\r\n";
}
