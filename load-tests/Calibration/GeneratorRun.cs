using System.Diagnostics;
using Fashionistas.LoadTests.Client;
using Fashionistas.LoadTests.Measurement;

namespace Fashionistas.LoadTests.Calibration;

/// <summary>
/// Our generator as the scenarios drive it: open-loop arrivals (<see cref="OpenLoop"/>) at a set rate through the same
/// <see cref="TicketingClient"/>, each sending one request; offered above what the server can take, what completes per
/// second is what the generator can make of the server, the figure to put beside wrk's.
/// </summary>
public static class GeneratorRun
{
    public static async Task<LoadToolResult> RunAsync(
        double rate, TimeSpan duration, int maxInFlight, Func<long, CancellationToken, Task<StepResult>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        var latencies = new LatencyHistogram();
        long requests = 0;
        long nonSuccess = 0;
        long failures = 0;
        long lastEnd = 0;
        var arrivals = new OpenLoop(rate, (int)Math.Ceiling(rate * duration.TotalSeconds), maxInFlight);
        var started = Stopwatch.GetTimestamp();
        await arrivals.ScheduleAsync(started, async (i, due) =>
        {
            var result = await send(i, cancellationToken);
            Interlocked.Increment(ref requests);
            // From when the arrival was due: a request that waited for a connection or a thread waited as a buyer would.
            latencies.Record((result.EndTimestamp - due) * 1000.0 / Stopwatch.Frequency);
            InterlockedMax(ref lastEnd, result.EndTimestamp);
            if (result.Status == 0)
            {
                Interlocked.Increment(ref failures);
            }
            else if (result.Status >= 400)
            {
                Interlocked.Increment(ref nonSuccess);
            }
        }, cancellationToken);
        await arrivals.DrainAsync();
        var seconds = Math.Max(duration.TotalSeconds, (Interlocked.Read(ref lastEnd) - started) / (double)Stopwatch.Frequency);
        var summary = latencies.Summary();
        return new LoadToolResult(requests, seconds, nonSuccess + failures, failures, summary.P50, summary.P99) { Dropped = arrivals.Dropped };
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
