using HdrHistogram;

namespace Fashionistas.LoadTests.Measurement;

/// <summary>
/// Latencies recorded into an HdrHistogram (microseconds, 3 significant digits, up to an hour), safe to record from
/// many threads; percentiles come out in milliseconds.
/// </summary>
public sealed class LatencyHistogram
{
    private const long MicrosecondsPerMillisecond = 1_000;
    private const long Highest = 3_600_000_000;

    private readonly LongConcurrentHistogram _histogram = new(1, Highest, 3);

    public void Record(double milliseconds) =>
        _histogram.RecordValue(Math.Clamp((long)Math.Round(milliseconds * MicrosecondsPerMillisecond), 1, Highest));

    public LatencySummary Summary()
    {
        var count = _histogram.TotalCount;
        return count == 0
            ? LatencySummary.Empty
            : new LatencySummary(count, Ms(_histogram.GetValueAtPercentile(50)), Ms(_histogram.GetValueAtPercentile(95)),
                Ms(_histogram.GetValueAtPercentile(99)), Ms(_histogram.GetMaxValue()), _histogram.GetMean() / MicrosecondsPerMillisecond);
    }

    private static double Ms(long microseconds) => microseconds / (double)MicrosecondsPerMillisecond;
}
