using Fashionistas.LoadTests.Measurement;

namespace Fashionistas.LoadTests.Reporting;

/// <summary>Everything a run measured and checked; written as report.md, report.json and chart.html.</summary>
public sealed record LoadReport(
    string Scenario,
    string Command,
    DateTimeOffset StartedAt,
    MachineInfo Machine,
    string Target,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<Figure> Figures,
    IReadOnlyDictionary<string, LatencySummary> Steps,
    IReadOnlyDictionary<string, long> Outcomes,
    IReadOnlyDictionary<string, long> Errors,
    PushSummary? Push,
    VerificationResult Verification,
    BaselineResult? Baseline,
    IReadOnlyList<GoalCheck> Goals,
    IReadOnlyList<TimelinePoint> Timeline,
    IReadOnlyList<string> Notes)
{
    /// <summary>The run failed when verification found a violation.</summary>
    public bool Failed => !Verification.Passed || (Baseline is not null && !Baseline.Verification.Passed);

    public double FigureValue(string name) => Figures.First(f => f.Name == name).Value;
}
