using System.Diagnostics;
using System.Globalization;
using Fashionistas.LoadTests.Client;
using Fashionistas.LoadTests.Hosting;
using Fashionistas.LoadTests.Measurement;
using Fashionistas.LoadTests.Reporting;
using Fashionistas.LoadTests.Verification;

namespace Fashionistas.LoadTests.Scenarios;

/// <summary>
/// Open-loop arrivals at a fixed rate: arrival i starts at i / rate seconds (never waiting for earlier ones), holds
/// 1-4 seats on ticket type i mod K and checks out. Reports whether the rate was held and tickets per hour. With a
/// warm-up (<see cref="SustainedOptions.Warmup"/>) the same load runs first on ticket types of its own, not counted.
/// </summary>
public static class SustainedDriver
{
    private const long TicketPrice = 120_000;
    private const double CapacityHeadroom = 1.5;
    private const int MinBuyers = 20;
    private const int MaxBuyers = 10_000;
    private const int MaxWarmupTiersPerEvent = 10;
    private const int MaxEventCapacity = 1_000_000;

    /// <summary>Hold latency from the arrival's due time to its 201 (what a buyer arriving then waited).</summary>
    public const string HoldFromArrivalStep = "hold from arrival";

    public static async Task<LoadReport> RunAsync(
        LoadTarget target, SustainedOptions options, string command, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var startedAt = DateTimeOffset.UtcNow;
        var total = (int)Math.Ceiling(options.Rate * options.Duration.TotalSeconds);
        var tiers = options.Events * options.TiersPerEvent;
        var buyerCount = (int)Math.Clamp(Math.Ceiling(total / (double)(tiers * SustainedOptions.ArrivalsPerBuyerAndTier)), MinBuyers, MaxBuyers);
        if ((long)buyerCount * tiers * SustainedOptions.ArrivalsPerBuyerAndTier < total)
        {
            throw new Cli.UsageException($"{total} arrivals need more ticket types (--events) to stay within per-buyer limits.");
        }

        var capacity = Capacity(options, total, tiers, options.TiersPerEvent);
        var warmupTotal = (int)Math.Ceiling(options.Rate * options.Warmup.TotalSeconds);
        var warmupTierCount = warmupTotal == 0 ? 0 : (int)Math.Ceiling(warmupTotal / (double)(buyerCount * SustainedOptions.ArrivalsPerBuyerAndTier));

        using var http = LoadHttp.Create(target.BaseAddress, options.RequestTimeout, options.Connections);
        var client = new TicketingClient(http);
        var setupClock = Stopwatch.StartNew();
        var runId = startedAt.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        var admin = await client.LoginAsync(target.AdminEmail, target.AdminPassword, cancellationToken);
        var (_, organizer) = await FlashSaleSetup.CreateOrganizerAsync(client, admin, runId, cancellationToken);
        var ticketTypes = new List<Guid>();
        for (var e = 0; e < options.Events; e++)
        {
            ticketTypes.AddRange(await CreateEventAsync(client, admin, organizer, $"Sustained {runId} #{e + 1}", options.TiersPerEvent, capacity, cancellationToken));
        }

        await log.WriteLineAsync($"{options.Events} events × {options.TiersPerEvent} tiers on sale ({capacity} seats each).");

        // The warm-up sells on ticket types of its own, so the measured ones start untouched.
        var warmupTypes = new List<Guid>();
        var warmupCapacity = Capacity(options, warmupTotal, Math.Max(warmupTierCount, 1), Math.Clamp(warmupTierCount, 1, MaxWarmupTiersPerEvent));
        for (var e = 0; warmupTypes.Count < warmupTierCount; e++)
        {
            var count = Math.Min(MaxWarmupTiersPerEvent, warmupTierCount - warmupTypes.Count);
            warmupTypes.AddRange(await CreateEventAsync(client, admin, organizer, $"Warm-up {runId} #{e + 1}", count, warmupCapacity, cancellationToken));
        }

        var buyers = await BuyerPool.CreateAsync(client, target, options.FastSetup, buyerCount, runId, options.SetupParallelism, log, cancellationToken);
        await Task.WhenAll(buyers.Select(b => client.MeAsync(b.Token, cancellationToken)));
        var setupTime = setupClock.Elapsed;

        var warmup = warmupTotal == 0 ? null : new SustainedPhase(client, buyers, warmupTypes, options, warmupTotal, $"sustained-{runId}-warmup", options.Seed + 1);
        if (warmup is not null)
        {
            await warmup.RunAsync("Warm-up (not counted)", log, cancellationToken);
            await Task.Delay(options.WarmupPause, cancellationToken);
        }

        var phase = new SustainedPhase(client, buyers, ticketTypes, options, total, $"sustained-{runId}", options.Seed);
        var recorder = phase.Recorder;
        var arrivals = phase.Arrivals;
        var cpuBefore = CpuUsage.Read(target.ServerProcessId);
        await phase.RunAsync("Go", log, cancellationToken);
        var completed = phase.Completed;

        var dropped = arrivals.Dropped;
        var cpu = CpuUsage.Read(target.ServerProcessId).Since(cpuBefore);
        var elapsed = recorder.Elapsed.TotalSeconds;
        var holds = phase.Acknowledged.ToList();
        var tickets = holds.Sum(h => (long)h.Tickets);
        var seats = holds.Sum(h => (long)h.Seats);
        var ticketsPerHour = (options.Checkout ? tickets : seats) / elapsed * 3600;
        var lag = arrivals.Lags.Summary();
        var holdLatency = recorder.Step(HoldFromArrivalStep).Summary();
        var completionRate = completed / (double)total;
        var heldRate = dropped == 0 && completionRate >= 0.99 && lag.P99 < 1000 && recorder.ErrorCount <= total / 100;

        var checks = new List<VerificationCheck>();
        var verification = VerificationResult.Skipped("no database connection (pass --connection with --target)");
        if (target.ConnectionString is { } connectionString)
        {
            for (var t = 0; t < tiers; t++)
            {
                var mine = holds.Where(h => h.Tier == t).ToList();
                var tierChecks = await DatabaseVerifier.VerifyAsync(connectionString, new SaleExpectation(
                    ticketTypes[t], SustainedOptions.PerBuyerLimit, mine.Sum(h => (long)h.Seats), null, options.Checkout,
                    [.. mine.Select(h => h.HoldId)], mine.Sum(h => (long)h.Seats), mine.Sum(h => (long)h.Tickets), []), cancellationToken);
                checks.AddRange(tierChecks.Select(c => c with { Name = $"tier {t + 1}: {c.Name}" }));
            }

            verification = new VerificationResult(true, checks);
        }

        var unit = options.Checkout ? "tickets" : "seats held";
        var figures = new List<Figure>
        {
            new("target rate/s", options.Rate, "arrivals per second asked for"),
            new("arrivals scheduled", total, "rate × duration"),
            new("arrivals dropped", dropped, $"not started: {options.MaxInFlight} already in flight"),
            new("arrivals completed", completed, "hold (and checkout) succeeded"),
            new("completion rate", completionRate, "completed / scheduled"),
            new("achieved rate/s", completed / elapsed, "completed arrivals per second, start to last completion"),
            new("schedule lag p99 ms", lag.P99, "how late arrivals started against their schedule"),
            new("holds/s", holds.Count / elapsed, "accepted holds per second"),
            new($"{unit}", options.Checkout ? tickets : seats, $"{unit} in the run"),
            new($"{unit}/hour", ticketsPerHour, $"{unit} per hour at this pace"),
            new("× the 10,000/hour bar", ticketsPerHour / SustainedOptions.TicketsPerHourBar, "how far beyond the seed's bar"),
            Figure.YesNo("held the rate", heldRate, "nothing dropped, ≥ 99% completed, lag p99 < 1 s and errors ≤ 1%"),
            new("run s", elapsed, "start to the last completion"),
            new("setup s", setupTime.TotalSeconds, "events, tiers, buyers"),
            new("warm-up s", warmup?.Ran.TotalSeconds ?? 0, "the warm-up's load before the measured one (not counted; 0: none)"),
        };
        var goals = new List<GoalCheck>
        {
            new($"holds the rate of {options.Rate}/s for {options.Duration.TotalSeconds:F0} s", "no drops, ≥ 99% completed, lag p99 < 1 s",
                string.Create(CultureInfo.InvariantCulture, $"{completionRate:P1} completed, {dropped} dropped, lag p99 {lag.P99:F0} ms"), heldRate,
                Essential: true),
            new("tickets per hour", ">= 10,000", ticketsPerHour.ToString("N0", CultureInfo.InvariantCulture), ticketsPerHour >= SustainedOptions.TicketsPerHourBar),
            new("p99 hold latency from arrival", "< 50 ms", string.Create(CultureInfo.InvariantCulture, $"{holdLatency.P99:F1} ms"), holdLatency.P99 < 50),
        };

        var stepSummaries = recorder.Steps.ToDictionary(s => s.Name, s => s.Summary(), StringComparer.Ordinal);
        stepSummaries["schedule lag"] = lag;
        return new LoadReport("sustained", command, startedAt, MachineInfo.Current(), target.BaseAddress.ToString(),
            new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["rate"] = options.Rate.ToString(CultureInfo.InvariantCulture) + "/s",
                ["duration"] = options.Duration.ToString(),
                ["events"] = options.Events.ToString(CultureInfo.InvariantCulture),
                ["tiersPerEvent"] = options.TiersPerEvent.ToString(CultureInfo.InvariantCulture),
                ["buyers"] = buyerCount.ToString(CultureInfo.InvariantCulture),
                ["capacityPerTier"] = capacity.ToString(CultureInfo.InvariantCulture),
                ["checkout"] = options.Checkout ? "on" : "off",
                ["maxInFlight"] = options.MaxInFlight.ToString(CultureInfo.InvariantCulture),
                ["warmup"] = Describe(warmup, options),
            },
            figures, stepSummaries, recorder.Outcomes, recorder.Errors, null, verification, null, goals,
            Timeline.Build(recorder, PurchaseSteps.HoldStep, PurchaseSteps.CheckoutStep), [])
        {
            Cpu = cpu,
        };
    }
    /// <summary>Seats per ticket type: room for every seat its arrivals may ask for, with headroom, within an event's largest capacity.</summary>
    private static int Capacity(SustainedOptions options, int arrivals, int ticketTypes, int tiersPerEvent) =>
        (int)Math.Min(MaxEventCapacity / tiersPerEvent, Math.Ceiling(CapacityHeadroom * arrivals * options.MaxQuantity / ticketTypes) + 100);

    /// <summary>An event of <paramref name="tiers"/> ticket types of <paramref name="capacity"/> seats, put on sale; its ticket types.</summary>
    private static async Task<List<Guid>> CreateEventAsync(
        TicketingClient client, string admin, string organizer, string name, int tiers, int capacity, CancellationToken cancellationToken)
    {
        var eventId = await client.CreateEventAsync(organizer, name, capacity * tiers, cancellationToken);
        var ticketTypes = new List<Guid>();
        for (var t = 0; t < tiers; t++)
        {
            ticketTypes.Add(await client.AddTicketTypeAsync(organizer, eventId, $"Tier {t + 1}", capacity, SustainedOptions.PerBuyerLimit,
                TicketPrice + 10_000 * t, cancellationToken));
        }

        await client.PutOnSaleAsync(admin, eventId, cancellationToken);
        return ticketTypes;
    }

    private static string Describe(SustainedPhase? warmup, SustainedOptions options)
    {
        if (warmup is null)
        {
            return "off";
        }

        var hold = warmup.Recorder.Step(HoldFromArrivalStep).Summary();
        return string.Create(CultureInfo.InvariantCulture,
            $"{options.Warmup.TotalSeconds:0.#} s at {options.Rate}/s on ticket types of its own, not counted: ran {warmup.Ran.TotalSeconds:F1} s, " +
            $"{warmup.Completed} of {warmup.Total} arrivals completed, {warmup.Arrivals.Dropped} dropped, hold from arrival p99 {hold.P99:F1} ms; then {options.WarmupPause.TotalSeconds:0.#} s quiet");
    }
}
