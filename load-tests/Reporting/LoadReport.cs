using Fashionistas.LoadTests.Calibration;
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
    /// <summary>The run failed when verification found a violation or an essential goal was missed (see <see cref="Headline"/>).</summary>
    public bool Failed => Headline.Failed;

    /// <summary>wrk and our generator on the same server in the same sitting (empty when not compared).</summary>
    public IReadOnlyList<GeneratorComparison> GeneratorVsWrk { get; init; } = [];

    /// <summary>Where the CPU went while the load ran (generator, server, PostgreSQL, the whole machine).</summary>
    public CpuUsage? Cpu { get; init; }

    /// <summary>pgbench's hot-row purchase transaction on the run's own PostgreSQL: the external anchor (null: not run).</summary>
    public IReadOnlyList<PgbenchResult> Pgbench { get; init; } = [];

    /// <summary>The first line of every report: whether the run did what it was asked, not only whether it was consistent.</summary>
    public Headline Headline => Headline.Of(this);

    public double FigureValue(string name) => Figures.First(f => f.Name == name).Value;
}
