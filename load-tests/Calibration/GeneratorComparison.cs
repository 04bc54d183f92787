namespace Fashionistas.LoadTests.Calibration;

/// <summary>
/// wrk and our generator on the same route of the same server in the same sitting, round after round, with the same
/// number of connections: how close our figure comes to wrk's, and how much of the machine our generator took.
/// </summary>
public sealed record GeneratorComparison(
    string Route,
    int Connections,
    IReadOnlyList<LoadToolResult> Wrk,
    IReadOnlyList<LoadToolResult> Ours,
    double GeneratorShare)
{
    /// <summary>Within 15 % of wrk: the generator is not what limits a run.</summary>
    public const double GoodEnough = 0.85;

    /// <summary>Our generator's CPU time per request it sent (µs, every round): what one request costs it.</summary>
    public double GeneratorCpuPerRequestUs => PerRequestUs(Ours);

    /// <summary>wrk's CPU time per request (µs, every round): the cost our generator's is to be held against.</summary>
    public double WrkCpuPerRequestUs => PerRequestUs(Wrk);

    public double WrkPerSecond => Wrk.Count == 0 ? 0 : Wrk.Average(r => r.SuccessPerSecond);

    public double OursPerSecond => Ours.Count == 0 ? 0 : Ours.Average(r => r.SuccessPerSecond);

    /// <summary>Our successful requests per second over wrk's (1 = as fast as wrk).</summary>
    public double Ratio => WrkPerSecond <= 0 ? 0 : OursPerSecond / WrkPerSecond;

    public bool IsGoodEnough => Ratio >= GoodEnough;

    private static double PerRequestUs(IReadOnlyList<LoadToolResult> runs)
    {
        var requests = runs.Sum(r => r.Requests);
        return requests > 0 ? runs.Aggregate(TimeSpan.Zero, (sum, run) => sum + run.Cpu).TotalMicroseconds / requests : 0;
    }
}
