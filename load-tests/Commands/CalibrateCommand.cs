using System.Globalization;
using Fashionistas.LoadTests.Anchor;
using Fashionistas.LoadTests.Calibration;
using Fashionistas.LoadTests.Cli;
using Fashionistas.LoadTests.Client;
using Fashionistas.LoadTests.Hosting;
using Fashionistas.LoadTests.Reporting;
using Fashionistas.LoadTests.Scenarios;

namespace Fashionistas.LoadTests.Commands;

/// <summary>
/// <c>calibrate</c>: is the generator the bottleneck? wrk and our generator, in turn, on the server's cheapest route and
/// on the hold route (one seat, buyers in turn, a fresh idempotency key each), then pgbench's hot-row figure.
/// </summary>
internal static class CalibrateCommand
{
    public const string Usage =
        "calibrate [--seconds 8] [--rounds 2] [--connections 256] [--threads 2] [--buyers 5000] [--max-in-flight 5000]\n" +
        "          [--no-holds] [--pgbench-seconds 5] [--pgbench-clients 1,16,32]\n";

    private const int Seats = Grains.Domain.DefinitionLimits.MaxCapacity;

    /// <summary>The API's highest per-buyer limit: 5,000 buyers × 100 holds covers 2 rounds of both tools at 10,000 holds/s.</summary>
    private const int MaxPerBuyer = 100;

    public static async Task<int> RunAsync(string[] args, TextWriter log, CancellationToken cancellationToken)
    {
        var cli = new CommandLine(args);
        var seconds = cli.Duration("seconds", TimeSpan.FromSeconds(8), TimeSpan.FromMinutes(10));
        var rounds = cli.Int("rounds", 2, 1, 20);
        var connections = cli.Int("connections", LoadHttp.DefaultConnections, 1, 10_000);
        var threads = cli.Int("threads", Environment.ProcessorCount, 1, 64);
        var buyerCount = cli.Int("buyers", 5000, 1, 100_000);
        var maxInFlight = cli.Int("max-in-flight", 5000, 1, 100_000);
        var holds = cli.Flag("holds", true);
        var anchor = AnchorOptions.Parse(cli);
        var targetOptions = new TargetOptions(cli);
        cli.ThrowOnUnknown();
        if (!WrkRunner.IsInstalled())
        {
            throw new UsageException("calibrate needs wrk (Debian: apt-get install wrk).");
        }

        var command = "calibrate " + string.Join(' ', args);
        var report = await targetOptions.DriveAsync(async target =>
        {
            var startedAt = DateTimeOffset.UtcNow;
            var calibrator = new Calibrator(target.BaseAddress, threads, connections, seconds, TimeSpan.FromSeconds(30), maxInFlight);
            var comparisons = new List<GeneratorComparison>();
            await log.WriteLineAsync($"wrk and our generator in turn, {rounds} round(s) of {seconds.TotalSeconds:F0} s each, {connections} connections.");
            // A short wrk run first, so neither tool meets the server's first quick compilations.
            await WrkRunner.GetAsync(new Uri(target.BaseAddress, Calibrator.TrivialRoute), threads, connections, TimeSpan.FromSeconds(2), cancellationToken);
            comparisons.Add(await calibrator.TrivialAsync(rounds, log, cancellationToken));
            if (holds)
            {
                var (ticketTypeId, tokens, runId) = await SetUpHoldsAsync(target, buyerCount, log, cancellationToken);
                comparisons.Add(await calibrator.HoldsAsync(ticketTypeId, tokens, runId, rounds, log, cancellationToken));
            }

            var pgbench = target.ConnectionString is { } cs && anchor.Enabled
                ? await PgbenchRunner.RunAsync(cs, anchor.Clients, anchor.Duration, log, cancellationToken)
                : [];
            var figures = new List<Figure>();
            foreach (var c in comparisons)
            {
                figures.Add(new($"{c.Route}: wrk ok/s", c.WrkPerSecond, "wrk's 2xx answers per second (mean of rounds)"));
                figures.Add(new($"{c.Route}: ours ok/s", c.OursPerSecond, "our generator's, offered 1.25 × wrk's figure open-loop"));
                figures.Add(new($"{c.Route}: ours ÷ wrk", c.Ratio, "1 = as fast as wrk"));
            }

            var goals = comparisons.Select(c => new GoalCheck($"generator within 15 % of wrk on {c.Route}", ">= 0.85",
                c.Ratio.ToString("0.00", CultureInfo.InvariantCulture), c.IsGoodEnough, Essential: true)).ToList();
            return new LoadReport("calibrate", command, startedAt, MachineInfo.Current(), target.BaseAddress.ToString(),
                new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    ["seconds"] = seconds.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                    ["rounds"] = rounds.ToString(CultureInfo.InvariantCulture),
                    ["connections"] = connections.ToString(CultureInfo.InvariantCulture),
                    ["wrkThreads"] = threads.ToString(CultureInfo.InvariantCulture),
                    ["buyers"] = buyerCount.ToString(CultureInfo.InvariantCulture),
                },
                figures, new Dictionary<string, Measurement.LatencySummary>(StringComparer.Ordinal), new Dictionary<string, long>(StringComparer.Ordinal),
                new Dictionary<string, long>(StringComparer.Ordinal), null, VerificationResult.Skipped("calibration only: nothing to verify"), null, goals, [], [])
            {
                GeneratorVsWrk = comparisons,
                Pgbench = pgbench,
            };
        }, log, cancellationToken);
        return await FlashSaleCommand.Finish(report, targetOptions.ResultsRoot, log, cancellationToken);
    }

    /// <summary>One event, one ticket type of a million seats and the highest per-buyer limit, and its buyers.</summary>
    internal static async Task<(Guid TicketTypeId, IReadOnlyList<string> Tokens, string RunId)> SetUpHoldsAsync(
        LoadTarget target, int buyerCount, TextWriter log, CancellationToken cancellationToken)
    {
        using var http = LoadHttp.Create(target.BaseAddress, TimeSpan.FromSeconds(30));
        var client = new TicketingClient(http);
        var runId = DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        var admin = await client.LoginAsync(target.AdminEmail, target.AdminPassword, cancellationToken);
        var (_, organizer) = await FlashSaleSetup.CreateOrganizerAsync(client, admin, runId, cancellationToken);
        var eventId = await client.CreateEventAsync(organizer, $"Calibration {runId}", Seats, cancellationToken);
        var ticketTypeId = await client.AddTicketTypeAsync(organizer, eventId, "Calibration", Seats, MaxPerBuyer, 150_000, cancellationToken);
        await client.PutOnSaleAsync(admin, eventId, cancellationToken);
        var fast = target.ConnectionString is not null && target.SigningKey is not null;
        var buyers = await BuyerPool.CreateAsync(client, target, fast, buyerCount, runId, 8, log, cancellationToken);
        return (ticketTypeId, [.. buyers.Select(b => b.Token)], runId);
    }
}
