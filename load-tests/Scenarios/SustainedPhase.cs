using System.Collections.Concurrent;
using System.Diagnostics;
using Fashionistas.LoadTests.Client;
using Fashionistas.LoadTests.Measurement;

namespace Fashionistas.LoadTests.Scenarios;

/// <summary>
/// One open-loop phase of a sustained run (the warm-up, or the measured load): arrival i is due at i / rate seconds,
/// holds 1-4 seats (seeded) on ticket type i mod K as buyer i / K, then checks out; recorded in a recorder of its own.
/// </summary>
public sealed class SustainedPhase
{
    private readonly IReadOnlyList<Buyer> _buyers;
    private readonly IReadOnlyList<Guid> _ticketTypes;
    private readonly SustainedOptions _options;
    private readonly string _keyPrefix;
    private readonly int[] _quantities;
    private readonly PurchaseSteps _steps;
    private long _completed;

    public SustainedPhase(
        TicketingClient client, IReadOnlyList<Buyer> buyers, IReadOnlyList<Guid> ticketTypes, SustainedOptions options, int total, string keyPrefix, int seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        _buyers = buyers;
        _ticketTypes = ticketTypes;
        _options = options;
        _keyPrefix = keyPrefix;
        Total = total;
        var random = new Random(seed);
        _quantities = Enumerable.Range(0, total).Select(_ => random.Next(1, options.MaxQuantity + 1)).ToArray();
        _steps = new PurchaseSteps(client, Recorder, new RetryPolicy(MaxAttempts: 5, MaxPause: TimeSpan.FromSeconds(1)));
        Arrivals = new OpenLoop(options.Rate, total, options.MaxInFlight);
    }

    public int Total { get; }

    public RunRecorder Recorder { get; } = new();

    public OpenLoop Arrivals { get; }

    /// <summary>Acknowledged holds: the index of their ticket type, the hold, its seats and the tickets issued for it.</summary>
    public ConcurrentBag<(int Tier, Guid HoldId, int Seats, int Tickets)> Acknowledged { get; } = [];

    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>From the first arrival's due time to the last answer (set when <see cref="RunAsync"/> returns).</summary>
    public TimeSpan Ran { get; private set; }

    /// <summary>Offers every arrival on schedule, then lets those in flight finish (at most the drain timeout).</summary>
    public async Task RunAsync(string label, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await log.WriteLineAsync($"{label}: {_options.Rate}/s for {Total / _options.Rate:F0} s = {Total} arrivals on {_ticketTypes.Count} ticket types.");
        await using (_options.Progress ? new ProgressPrinter(Recorder, log, () => $"  in flight {Arrivals.InFlight}  dropped {Arrivals.Dropped}") : null)
        {
            Recorder.Start();
            await Arrivals.ScheduleAsync(Recorder.StartTimestamp, (i, scheduled) => ArriveAsync(i, scheduled, stop.Token), cancellationToken);
            var scheduleEnded = Recorder.Elapsed;
            stop.CancelAfter(_options.DrainTimeout);
            await Arrivals.DrainAsync();
            Ran = Recorder.Elapsed;
            await log.WriteLineAsync($"{label}: last arrival started at {scheduleEnded.TotalSeconds:F1} s; all done at {Ran.TotalSeconds:F1} s.");
        }
    }

    private async Task ArriveAsync(int i, long scheduled, CancellationToken stop)
    {
        try
        {
            var tier = i % _ticketTypes.Count;
            var buyer = _buyers[i / _ticketTypes.Count % _buyers.Count];
            var (hold, held) = await _steps.HoldAsync(buyer.Token, _ticketTypes[tier], _quantities[i], $"{_keyPrefix}-{i}", stop);
            if (hold is null)
            {
                return;
            }

            // Coordinated omission corrected: from when the arrival was due, not from when a request could be sent.
            Recorder.Step(SustainedDriver.HoldFromArrivalStep).Add(new Sample(hold.EndTimestamp,
                (float)((hold.EndTimestamp - scheduled) * 1000.0 / Stopwatch.Frequency), (short)hold.Status, (short)held));
            var holdId = hold.Id("holdId")!.Value;
            var issued = 0;
            if (_options.Checkout)
            {
                (_, issued, _) = await _steps.CheckoutAsync(buyer.Token, holdId, held, stop);
            }

            Acknowledged.Add((tier, holdId, held, issued));
            Interlocked.Increment(ref _completed);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Recorder.Error("stopped by the drain timeout");
        }
    }
}
