using System.Globalization;

namespace Fashionistas.LoadTests.Baseline;

/// <summary>What grain-bench's row-lock side measured: durable holds, refusals and failures by kind over the measured time.</summary>
public sealed record RowLockBenchResult(
    int Callers, int PoolSize, long Accepted, long Refused, TimeSpan Elapsed, IReadOnlyDictionary<string, long> Errors)
{
    public double PerSecond => Accepted / Math.Max(1e-9, Elapsed.TotalSeconds);

    public long Failed => Refused + Errors.Values.Sum();

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"row locking (1 tx per hold, {Callers} callers, pool of {PoolSize}): {Accepted} durable holds in {Elapsed.TotalSeconds:0.0} s = {PerSecond:0} holds/s " +
        $"({Failed} failed{(Errors.Count == 0 ? string.Empty : ": " + string.Join("; ", Errors.Select(e => $"{e.Value} × {e.Key}")))})");
}
