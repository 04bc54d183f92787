using System.Globalization;
using Fashionistas.LoadTests.Baseline;
using Fashionistas.LoadTests.Cli;
using Fashionistas.LoadTests.Hosting;
using Fashionistas.LoadTests.Reporting;
using Npgsql;

namespace Fashionistas.LoadTests.Commands;

/// <summary>
/// <c>row-lock</c>: only the baseline (flash-sale runs it too, by default): the flash sale on one row-locking
/// transaction per hold against PostgreSQL — <c>--connection</c>, or our own server's throw-away database.
/// </summary>
internal static class RowLockCommand
{
    public const string Usage = "row-lock [--users 1000] [--seats 5000] [--pool 40] [--seed 6] [--connection STRING]\n";

    public static async Task<int> RunAsync(string[] args, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var cli = new CommandLine(args);
        var users = cli.Int("users", 1000, 1, 100_000);
        var seats = cli.Int("seats", 5000, 1, 1_000_000);
        var pool = cli.Int("pool", 40, 1, 500);
        var seed = cli.Int("seed", 6, int.MinValue, int.MaxValue);
        var limit = cli.Duration("duration-limit", TimeSpan.FromMinutes(5), TimeSpan.FromHours(2));
        var connection = cli.Text("connection");
        var results = cli.Text("results") ?? ReportWriter.DefaultRoot();
        cli.ThrowOnUnknown();

        var startedAt = DateTimeOffset.UtcNow;
        OwnServer? server = null;
        if (connection is null)
        {
            server = await OwnServer.StartAsync(log, null, cancellationToken);
            connection = server.ConnectionString;
        }
        else
        {
            await LoopbackGuard.EnsureLoopbackAsync("--connection", new NpgsqlConnectionStringBuilder(connection).Host ?? "localhost", cancellationToken);
        }

        BaselineResult baseline;
        await using (server)
        {
            var random = new Random(seed);
            var quantities = Enumerable.Range(0, users).Select(_ => random.Next(1, 5)).ToArray();
            baseline = await RowLockBaseline.RunAsync(connection, quantities, seats, 4, pool, limit, log, cancellationToken);
        }

        var report = new LoadReport("row-lock", "row-lock " + string.Join(' ', args), startedAt, MachineInfo.Current(),
            server?.BaseAddress.ToString() ?? "PostgreSQL via --connection",
            new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["users"] = users.ToString(CultureInfo.InvariantCulture),
                ["seats"] = seats.ToString(CultureInfo.InvariantCulture),
                ["pool"] = pool.ToString(CultureInfo.InvariantCulture),
                ["seed"] = seed.ToString(CultureInfo.InvariantCulture),
            },
            [
                new("holds accepted", baseline.HoldsAccepted, "committed row-lock holds"),
                new("row-lock holds/s", baseline.HoldsPerSecond, "over the burst"),
            ],
            new Dictionary<string, Measurement.LatencySummary> { ["row-lock hold"] = baseline.Latency },
            new Dictionary<string, long>(), baseline.Errors, null, baseline.Verification, null, [], [], []);
        return await FlashSaleCommand.Finish(report, results, log, cancellationToken);
    }
}
