namespace Fashionistas.Silo.Persistence;

/// <summary>Search text inside SQL <c>LIKE</c>/<c>ILIKE</c> patterns written with <c>ESCAPE '\'</c>.</summary>
public static class LikePatterns
{
    /// <summary>Makes <c>%</c>, <c>_</c> and <c>\</c> in <paramref name="text"/> match themselves.</summary>
    public static string Escape(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}
