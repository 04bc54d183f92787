using System.Diagnostics;
using System.Globalization;
using Fashionistas.LoadTests.Baseline;
using Fashionistas.LoadTests.Client;
using Fashionistas.LoadTests.Hosting;
using Fashionistas.LoadTests.Live;
using Fashionistas.LoadTests.Measurement;
using Fashionistas.LoadTests.Reporting;
using Fashionistas.LoadTests.Verification;

namespace Fashionistas.LoadTests.Scenarios;

/// <summary>
/// The flash sale end to end: setup, warm connections, watchers join, every buyer released at once, pushes
/// settle, the database is verified, the row-lock baseline runs on the same database, and a report comes out.
/// </summary>
public static class FlashSaleDriver
{
    public static async Task<LoadReport> RunAsync(
        LoadTarget target, FlashSaleOptions options, string command, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var startedAt = DateTimeOffset.UtcNow;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.DurationLimit);
        var ct = deadline.Token;
        var notes = new List<string>();

        using var http = LoadHttp.Create(target.BaseAddress, options.RequestTimeout, options.Connections > 0 ? options.Connections : Math.Max(options.Users, 1), target.Nodes);
        var client = new TicketingClient(http);
        var stage = await FlashSaleSetup.RunAsync(client, target, options, log, ct);
        var random = new Random(options.Seed);
        var quantities = stage.Buyers.Select(_ => random.Next(1, options.MaxQuantity + 1)).ToArray();
        var demand = quantities.Sum(q => (long)q);
        var expectedSeats = (int)Math.Min(demand, stage.Capacity);

        if (stage.Warmup is { } warmup)
        {
            await WarmUpAsync(client, warmup, options, log, ct);
        }

        // Each buyer opens its connection before the start, as browsers already on the page have.
        await Task.WhenAll(stage.Buyers.Select(b => client.MeAsync(b.Token, ct)));

        await using var watchers = options.Watchers > 0
            ? await WatcherPool.JoinAsync(new Uri(target.WatchAddress, options.HubPath), stage.EventId,
                [.. stage.Buyers.Select(b => (string?)b.Token)], options.Watchers, ct)
            : null;
        if (watchers is not null)
        {
            await log.WriteLineAsync($"{watchers.Joined.Count} of {options.Watchers} watchers joined event {stage.EventId}.");
        }

        var recorder = new RunRecorder();
        var steps = new PurchaseSteps(client, recorder, new RetryPolicy(options.MaxAttempts, options.MaxRetryPause));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var buyers = stage.Buyers.Select((b, i) => VirtualUser.RunAsync(b, quantities[i], stage, steps, options.Checkout, start.Task, ct)).ToArray();
        await log.WriteLineAsync($"Go: {stage.Buyers.Count} buyers, demand {demand} seats for {stage.Capacity}.");
        BuyerOutcome[] outcomes;
        var pushesSettled = true;
        var acknowledgedSeats = 0L;
        CpuUsage cpuBefore;
        CpuUsage cpu;
        await using (options.Progress ? new ProgressPrinter(recorder, log) : null)
        {
            cpuBefore = CpuUsage.Read(target.ServerProcessId);
            recorder.Start();
            start.SetResult();
            outcomes = await Task.WhenAll(buyers);
            cpu = CpuUsage.Read(target.ServerProcessId).Since(cpuBefore);
            acknowledgedSeats = outcomes.Sum(o => (long)o.Held);
            if (watchers is not null && watchers.Joined.Count > 0 && !ct.IsCancellationRequested)
            {
                pushesSettled = await watchers.WaitForTakenAsync(stage.TicketTypeId, (int)acknowledgedSeats, options.PushSettle, ct);
            }
        }

        var runTime = recorder.Elapsed;
        var holdLog = recorder.Step(PurchaseSteps.HoldStep).Snapshot();
        var checkoutLog = recorder.Step(PurchaseSteps.CheckoutStep).Snapshot();
        var holdWindow = WindowSeconds(recorder, holdLog);
        var checkoutWindow = WindowSeconds(recorder, checkoutLog);
        var holdsAccepted = outcomes.Count(o => o.HoldId is not null);
        var tickets = outcomes.Sum(o => (long)o.TicketsIssued);
        if (options.Checkout && checkoutLog.Length > 0 && checkoutLog.All(s => s.Status == 404))
        {
            notes.Add("POST /api/holds/{id}/checkout answered 404 to every buyer: this server has no checkout yet, so nothing was sold.");
        }

        foreach (var failure in outcomes.Where(o => o.Failure is not null).GroupBy(o => o.Failure!))
        {
            notes.Add($"{failure.Count()} buyers ended with: {failure.Key}");
        }

        PushSummary? push = null;
        if (watchers is not null)
        {
            var problems = new List<string>();
            if (!pushesSettled)
            {
                problems.Add($"not every watcher saw the final count of {acknowledgedSeats} seats taken within {options.PushSettle.TotalSeconds:F0} s");
            }

            if (watchers.Joined.Sum(w => w.Malformed) is var malformed and > 0)
            {
                problems.Add($"{malformed} availability pushes could not be read");
            }

            push = PushAnalysis.Summarize(watchers, stage.TicketTypeId, recorder.StartedAtUtc,
                [.. outcomes.Where(o => o.HoldAcknowledgedAt is not null).Select(o => o.HoldAcknowledgedAt!.Value)], (int)acknowledgedSeats, problems);
        }

        var verification = VerificationResult.Skipped("no database connection (pass --connection with --target)");
        if (target.ConnectionString is { } connectionString)
        {
            var expectation = new SaleExpectation(stage.TicketTypeId, stage.PerBuyerLimit, demand, expectedSeats, options.Checkout,
                [.. outcomes.Where(o => o.HoldId is not null).Select(o => o.HoldId!.Value)], acknowledgedSeats, tickets,
                [.. outcomes.SelectMany(o => o.TicketCodes)]);
            verification = new VerificationResult(true, await DatabaseVerifier.VerifyAsync(connectionString, expectation, cancellationToken));
        }

        BaselineResult? baseline = null;
        if (options.WithBaseline && target.ConnectionString is not null)
        {
            baseline = await RowLockBaseline.RunAsync(target.ConnectionString, quantities, stage.Capacity, stage.PerBuyerLimit,
                options.BaselinePoolSize, options.DurationLimit, log, cancellationToken);
        }
        else if (options.WithBaseline)
        {
            notes.Add("The row-lock baseline needs the database (--connection); it did not run.");
        }

        var holdsPerSecond = holdsAccepted / holdWindow;
        var holdLatency = recorder.Step(PurchaseSteps.HoldStep).Summary();
        var figures = new List<Figure>
        {
            new("buyers", stage.Buyers.Count, "virtual users released together"),
            new("capacity", stage.Capacity, "seats of the ticket type"),
            new("demand", demand, "seats the buyers wanted (1 to 4 each, seeded)"),
            new("holds accepted", holdsAccepted, "201 answers"),
            new("seats held", acknowledgedSeats, "seats in acknowledged holds"),
            new("tickets issued", tickets, "tickets from checkouts"),
            new("hold window s", holdWindow, "from the start to the last hold answer"),
            new("holds/s", holdsPerSecond, "accepted holds per second over the hold window"),
            new("seats held/s", acknowledgedSeats / holdWindow, "seats per second over the hold window"),
            new("tickets/s", tickets / checkoutWindow, "tickets per second from the start to the last checkout answer"),
            new("requests", recorder.Requests, "HTTP requests in the measured phase"),
            new("requests/s", recorder.Requests / Math.Max(1e-6, runTime.TotalSeconds), "over the measured phase"),
            new("run s", runTime.TotalSeconds, "measured phase, start to the last buyer done (and pushes settled)"),
            new("setup s", stage.SetupTime.TotalSeconds, "event, ticket type and buyer registration"),
        };
        if (baseline is not null)
        {
            figures.Add(new("row-lock holds/s", baseline.HoldsPerSecond, "the same sale, one row-locking transaction per hold"));
            figures.Add(new("ratio to row-lock", holdsPerSecond / Math.Max(1e-9, baseline.HoldsPerSecond), "holds/s over row-lock holds/s"));
        }

        var goals = new List<GoalCheck>
        {
            new("durable holds per second on one ticket type", ">= 10,000", Number(holdsPerSecond), holdsPerSecond >= 10_000),
            new($"p99 hold latency at {stage.Buyers.Count} VUs", "< 50 ms", Ms(holdLatency.P99), holdLatency.P99 < 50),
        };
        if (push is not null)
        {
            goals.Add(new("push latency p99 (delivery: at → receipt)", "< 250 ms", Ms(push.Delivery.P99), push.Delivery.Count > 0 && push.Delivery.P99 < 250));
            goals.Add(new("hold → watcher visibility p99 (upper bound)", "< 250 ms", Ms(push.Visibility.P99), push.Visibility.Count > 0 && push.Visibility.P99 < 250));
        }

        if (baseline is not null)
        {
            var ratio = holdsPerSecond / Math.Max(1e-9, baseline.HoldsPerSecond);
            goals.Add(new("ratio to the row-lock baseline", ">= 10x", string.Create(CultureInfo.InvariantCulture, $"{ratio:F1}x"), ratio >= 10));
        }

        return new LoadReport(
            "flash-sale",
            command,
            startedAt,
            MachineInfo.Current(),
            target.BaseAddress.ToString(),
            new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["users"] = Invariant(options.Users),
                ["seats"] = Invariant(options.Seats),
                ["watchers"] = Invariant(options.Watchers),
                ["perBuyerLimit"] = Invariant(options.PerBuyerLimit),
                ["seed"] = Invariant(options.Seed),
                ["checkout"] = options.Checkout ? "on" : "off",
                ["baseline"] = options.WithBaseline ? $"on (pool {options.BaselinePoolSize})" : "off",
                ["durationLimit"] = options.DurationLimit.ToString(),
                ["warmup"] = options.WarmupRounds == 0 ? "off" : $"{options.WarmupRounds} rounds of {options.WarmupBuyers} buyers",
            },
            figures,
            recorder.Steps.ToDictionary(s => s.Name, s => s.Summary(), StringComparer.Ordinal),
            recorder.Outcomes,
            recorder.Errors,
            push,
            verification,
            baseline,
            goals,
            Timeline.Build(recorder, PurchaseSteps.HoldStep, PurchaseSteps.CheckoutStep),
            notes)
        {
            Cpu = cpu,
        };
    }

    /// <summary>
    /// The warm-up rounds: each round's buyers run the same steps on the warm-up ticket type (recorded apart and
    /// discarded), then the machine gets a quiet pause.
    /// </summary>
    private static async Task WarmUpAsync(TicketingClient client, FlashSaleStage warmup, FlashSaleOptions options, TextWriter log, CancellationToken ct)
    {
        var random = new Random(options.Seed);
        for (var round = 0; round < options.WarmupRounds; round++)
        {
            var steps = new PurchaseSteps(client, new RunRecorder(), new RetryPolicy(options.MaxAttempts, options.MaxRetryPause));
            var buyers = warmup.Buyers.Skip(round * options.WarmupBuyers).Take(options.WarmupBuyers).ToList();
            await Task.WhenAll(buyers.Select(b => client.MeAsync(b.Token, ct)));
            var outcomes = await Task.WhenAll(buyers.Select(b =>
                VirtualUser.RunAsync(b, random.Next(1, options.MaxQuantity + 1), warmup, steps, options.Checkout, Task.CompletedTask, ct)));
            await log.WriteLineAsync($"Warm-up round {round + 1}/{options.WarmupRounds}: {outcomes.Count(o => o.HoldId is not null)} of {buyers.Count} buyers held seats.");
            await Task.Delay(options.WarmupPause, ct);
        }
    }

    /// <summary>Seconds from the start to the last answer of a step (at least a microsecond).</summary>
    private static double WindowSeconds(RunRecorder recorder, Sample[] samples) =>
        samples.Length == 0 ? 1e-6 : Math.Max(1e-6, (samples.Max(s => s.EndTimestamp) - recorder.StartTimestamp) / (double)Stopwatch.Frequency);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ms(double value) => string.Create(CultureInfo.InvariantCulture, $"{value:F1} ms");
}
