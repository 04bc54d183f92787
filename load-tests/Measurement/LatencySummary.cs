namespace Fashionistas.LoadTests.Measurement;

/// <summary>Latency percentiles of one step in milliseconds (from an HdrHistogram: 3 significant digits).</summary>
public sealed record LatencySummary(long Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static readonly LatencySummary Empty = new(0, 0, 0, 0, 0, 0);

    public static LatencySummary Of(IEnumerable<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        var histogram = new LatencyHistogram();
        foreach (var value in milliseconds)
        {
            histogram.Record(value);
        }

        return histogram.Summary();
    }
}
