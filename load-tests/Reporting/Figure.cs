using System.Globalization;

namespace Fashionistas.LoadTests.Reporting;

/// <summary>
/// A headline number of a run, e.g. ("holds/s", 12000, "holds per second over the burst"); a yes/no figure
/// (<see cref="IsYesNo"/>) holds 1 or 0 and reads "yes" or "no".
/// </summary>
public sealed record Figure(string Name, double Value, string Description, bool IsYesNo = false)
{
    public static Figure YesNo(string name, bool value, string description) => new(name, value ? 1 : 0, description, IsYesNo: true);

    /// <summary>As a person reads it: "yes"/"no", whole numbers with separators from 100 up, else up to 2 decimals.</summary>
    public string Display() =>
        IsYesNo ? (Value != 0 ? "yes" : "no")
        : double.IsNaN(Value) ? "n/a"
        : Value.ToString(Math.Abs(Value) >= 100 ? "N0" : "0.##", CultureInfo.InvariantCulture);
}
