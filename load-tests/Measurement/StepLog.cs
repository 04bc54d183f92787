namespace Fashionistas.LoadTests.Measurement;

/// <summary>
/// Every request of one step (e.g. "hold"), kept whole so percentiles are exact and the timeline can be cut per second.
/// Bounded: beyond <see cref="MaxSamples"/> only counters move.
/// </summary>
public sealed class StepLog(string name)
{
    /// <summary>Ten million samples (about 160 MB) is far beyond any run this machine can drive.</summary>
    public const int MaxSamples = 10_000_000;

    private readonly List<Sample> _samples = [];
    private long _dropped;

    public string Name => name;

    public long Dropped => Interlocked.Read(ref _dropped);

    public void Add(Sample sample)
    {
        lock (_samples)
        {
            if (_samples.Count < MaxSamples)
            {
                _samples.Add(sample);
                return;
            }
        }

        Interlocked.Increment(ref _dropped);
    }

    public Sample[] Snapshot()
    {
        lock (_samples)
        {
            return [.. _samples];
        }
    }

    public LatencySummary Summary() => LatencySummary.Of(Snapshot().Select(s => (double)s.LatencyMs));
}
