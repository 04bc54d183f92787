namespace Fashionistas.LoadTests.Reporting;

/// <summary>A headline number of a run, e.g. ("holds/s", 12000, "holds per second over the burst").</summary>
public sealed record Figure(string Name, double Value, string Description);
