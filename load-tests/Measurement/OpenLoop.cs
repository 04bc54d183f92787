using System.Diagnostics;

namespace Fashionistas.LoadTests.Measurement;

/// <summary>
/// Open-loop arrivals: arrival i is due at start + i / rate, whether or not earlier ones finished (so a slow server
/// cannot slow the offered load: no coordinated omission). An arrival due while <c>maxInFlight</c> are running is
/// dropped and counted. Each arrival gets its due timestamp, so latency can be measured from when it was due.
/// </summary>
public sealed class OpenLoop(double rate, int total, int maxInFlight)
{
    private static readonly TimeSpan SchedulerTick = TimeSpan.FromMilliseconds(1);
    private readonly List<Task> _running = new(Math.Min(total, 1_000_000));
    private long _inFlight;
    private long _dropped;

    public long InFlight => Interlocked.Read(ref _inFlight);

    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>How late arrivals started against their schedule.</summary>
    public StepLog Lags { get; } = new("schedule lag");

    /// <summary>Starts every arrival on schedule (from <paramref name="startTimestamp"/>) until all are due or cancelled.</summary>
    public async Task ScheduleAsync(long startTimestamp, Func<int, long, Task> arrive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arrive);
        var next = 0;
        await Task.Yield(); // the scheduler runs on the thread pool, not on its caller's thread
        while (next < total && !cancellationToken.IsCancellationRequested)
        {
            var elapsed = Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;
            var due = Math.Min(total, (int)(elapsed * rate) + 1);
            for (; next < due; next++)
            {
                var scheduled = startTimestamp + (long)(next / rate * Stopwatch.Frequency);
                var now = Stopwatch.GetTimestamp();
                Lags.Add(new Sample(now, (float)Math.Max(0, (now - scheduled) * 1000.0 / Stopwatch.Frequency), 0, 0));
                if (Interlocked.Read(ref _inFlight) >= maxInFlight)
                {
                    Interlocked.Increment(ref _dropped);
                    continue;
                }

                Interlocked.Increment(ref _inFlight);
                var i = next;
                // Started here, not through Task.Run: an arrival runs until its first wait (the socket), so the
                // scheduler pays for writing the request, and no thread-pool hop is added per arrival.
                _running.Add(RunOneAsync(i, scheduled, arrive));
            }

            await Task.Delay(SchedulerTick, cancellationToken);
        }
    }

    /// <summary>Completes when every started arrival has finished.</summary>
    public Task DrainAsync() => Task.WhenAll(_running);

    private async Task RunOneAsync(int i, long scheduled, Func<int, long, Task> arrive)
    {
        try
        {
            await arrive(i, scheduled);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
