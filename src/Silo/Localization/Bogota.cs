using System.Globalization;

namespace Fashionistas.Silo.Localization;

/// <summary>
/// How times and money are shown to people in Colombia. Colombia keeps UTC-5 all year (no daylight saving
/// since 1993), so a fixed offset is exact and needs no time-zone database on the server.
/// </summary>
public static class Bogota
{
    /// <summary>Colombia's offset from UTC.</summary>
    public static readonly TimeSpan UtcOffset = TimeSpan.FromHours(-5);

    // Written out rather than taken from the es-CO culture, which a server in invariant-globalization mode lacks.
    private static readonly NumberFormatInfo Thousands = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    /// <summary>The local clock time, e.g. "19:05".</summary>
    public static string Clock(DateTimeOffset instant) =>
        instant.ToOffset(UtcOffset).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The local date and time, e.g. "15/03/2026 19:05".</summary>
    public static string DateAndTime(DateTimeOffset instant) =>
        instant.ToOffset(UtcOffset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Whole pesos as Colombians write them, e.g. "$150.000 COP".</summary>
    public static string Pesos(long amount) =>
        "$" + amount.ToString("#,0", Thousands) + " COP";
}
