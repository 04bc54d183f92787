using System.Diagnostics;
using System.Globalization;
using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.LoadTests.Baseline;
using Fashionistas.LoadTests.Inventory;
using Fashionistas.Silo.Persistence;
using Fashionistas.Silo.Persistence.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Fashionistas.LoadTests.Commands;

/// <summary>
/// Durable holds per second on one hot ticket type: through the ticket-type grain (group commit), then with
/// one row-locking transaction per hold, at the same concurrency, each on its own event and ticket type of
/// 1,000,000 seats. Not a test: it prints figures.
/// Without --connection it runs on a throw-away embedded PostgreSQL (fsync and synchronous commit on).
/// </summary>
internal static class GrainBenchCommand
{
    public const string Name = "grain-bench";

    public const string Usage =
        "grain-bench [--connection <cs>] [--concurrency 100] [--seconds 5] [--warmup-seconds 2] [--buyers 2000] [--row-lock-pool 40]";

    private const int Capacity = DefinitionLimits.MaxCapacity;
    private const string BenchDatabase = "grain_bench";

    public static async Task<int> RunAsync(CommandOptions options, CancellationToken cancellationToken)
    {
        var concurrency = options.GetInt("concurrency", 100);
        var measure = TimeSpan.FromSeconds(options.GetInt("seconds", 5));
        var warmup = TimeSpan.FromSeconds(options.GetInt("warmup-seconds", 2));
        var buyerCount = options.GetInt("buyers", 2_000);

        await using var cluster = options.Get("connection") is null ? await StartClusterAsync(concurrency, cancellationToken) : null;
        var connectionString = options.Get("connection") ?? cluster!.ConnectionString(BenchDatabase);
        // Statements prepared as in the server (Postgres:MaxAutoPrepare), for the grain and the row-lock path alike.
        var server = new PostgresOptions();
        await using var dataSource = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = concurrency + 10,
            MaxAutoPrepare = server.MaxAutoPrepare,
            AutoPrepareMinUsages = server.AutoPrepareMinUsages,
        }.ConnectionString).Build();
        await MigrationRunner.ApplyAsync(dataSource, NullLogger.Instance, cancellationToken);

        Print($"grain-bench: {concurrency} concurrent callers, {warmup.TotalSeconds:0} s warm-up, {measure.TotalSeconds:0} s measured, " +
              $"PostgreSQL {(cluster is null ? "from --connection" : "embedded (throw-away)")}, {Environment.ProcessorCount} cores, " +
              "one Orleans silo in process");
        var buyers = await InventorySql.CreateUsersAsync(dataSource, buyerCount, cancellationToken);

        await using var host = await InventoryHost.StartAsync(dataSource, o => o.MaxWaitingCalls = Math.Max(o.MaxWaitingCalls, concurrency * 4));
        var (_, grainType) = await SetUpAsync(host, buyers[0], "Grain benchmark", cancellationToken);
        var (rowEvent, rowType) = await SetUpAsync(host, buyers[0], "Row-locking benchmark", cancellationToken);

        var grain = host.Get<ITicketTypeGrain>(grainType);
        var commitsBefore = host.Store.Commits;
        var holdsBefore = host.Store.NewHolds;
        var commitTimeBefore = host.Store.CommitTime;
        var grainRun = await DriveAsync(concurrency, warmup, measure, buyers, async (buyer, _) =>
            await grain.Hold(new HoldRequest(buyer, 1)) is HoldResult.Accepted, cancellationToken);
        var commits = host.Store.Commits - commitsBefore;
        var commitTime = host.Store.CommitTime - commitTimeBefore;
        Print(grainRun.Describe("grain (group commit)") + string.Create(CultureInfo.InvariantCulture,
            $"; {commits} commits, {(double)(host.Store.NewHolds - holdsBefore) / Math.Max(1, commits):0.0} holds per commit, " +
            $"{commitTime.TotalMilliseconds / Math.Max(1, commits):0.00} ms per commit"));

        var rowRun = await RowLockBench.RunAsync(connectionString, rowEvent, rowType, buyers, concurrency,
            options.GetInt("row-lock-pool", RowLockBench.DefaultPoolSize), warmup, measure, cancellationToken);
        Print(rowRun.Describe());

        Print(string.Create(CultureInfo.InvariantCulture,
            $"ratio: the grain holds {grainRun.PerSecond / Math.Max(1, rowRun.PerSecond):0.0}x as many seats per second as row locking"));
        await VerifyAsync(dataSource, grainType, rowType, cancellationToken);
        return 0;
    }

    private static async Task<EmbeddedPostgresCluster> StartClusterAsync(int concurrency, CancellationToken cancellationToken)
    {
        var cluster = new EmbeddedPostgresCluster(
            new EmbeddedPostgresSettings(Path.Combine(Path.GetTempPath(), "fashionistas-bench", Guid.NewGuid().ToString("N")))
            {
                WatchProcessId = Environment.ProcessId,
                DeleteOnStop = true,
                ServerSettings = new Dictionary<string, string>
                {
                    ["max_connections"] = (concurrency + 50).ToString(CultureInfo.InvariantCulture),
                },
            },
            NullLogger.Instance);
        await cluster.StartAsync(BenchDatabase, cancellationToken);
        return cluster;
    }

    /// <summary>An event on sale with one ticket type of the largest capacity allowed; returns both ids.</summary>
    private static async Task<(Guid EventId, Guid TicketTypeId)> SetUpAsync(
        InventoryHost host, Guid organizer, string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var eventId = Guid.CreateVersion7();
        var events = host.Get<IEventGrain>(eventId);
        var start = DateTimeOffset.UtcNow.AddDays(30);
        Expect<EventResult.Ok>(await events.Create(new EventDraft(name, "", "Bench hall", start, start.AddHours(4), Capacity), organizer));
        foreach (var step in new[] { EventStatus.Review, EventStatus.Published, EventStatus.OnSale })
        {
            Expect<TransitionResult.Changed>(await events.Transition(step, organizer, "benchmark"));
        }

        var definition = new TicketTypeDefinition("Hot", "", Price: 100_000, Capacity: Capacity, PerBuyerLimit: Capacity);
        return (eventId, Expect<TicketTypeResult.Ok>(await events.AddTicketType(definition)).TicketType.Id);
    }

    /// <summary>Runs <paramref name="concurrency"/> callers in a closed loop; counts successes after the warm-up.</summary>
    private static async Task<RunResult> DriveAsync(
        int concurrency, TimeSpan warmup, TimeSpan measure, Guid[] buyers,
        Func<Guid, CancellationToken, Task<bool>> hold, CancellationToken cancellationToken)
    {
        long accepted = 0;
        long failed = 0;
        var measuring = false;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var ok = await hold(buyers[random.Next(buyers.Length)], stop.Token);
                    if (Volatile.Read(ref measuring))
                    {
                        Interlocked.Increment(ref ok ? ref accepted : ref failed);
                    }
                }
                catch (Exception e) when (e is GrainBusyException or GrainUnavailableException or NpgsqlException)
                {
                    Interlocked.Increment(ref failed);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        })).ToArray();

        await Task.Delay(warmup, cancellationToken);
        Volatile.Write(ref measuring, true);
        var clock = Stopwatch.StartNew();
        await Task.Delay(measure, cancellationToken);
        Volatile.Write(ref measuring, false);
        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        return new RunResult(Interlocked.Read(ref accepted), Interlocked.Read(ref failed), elapsed);
    }

    /// <summary>Both ticket types' counters must equal their active holds: every answered hold was durable.</summary>
    private static async Task VerifyAsync(NpgsqlDataSource dataSource, Guid grainType, Guid rowType, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT t.id, t.held, t.capacity, (SELECT coalesce(sum(quantity), 0) FROM holds h WHERE h.ticket_type_id = t.id AND h.status = 'active')
            FROM ticket_types t WHERE t.id = ANY($1)
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [grainType, rowType] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (held, capacity, active) = (reader.GetInt32(1), reader.GetInt32(2), reader.GetInt64(3));
            Print($"check {(reader.GetGuid(0) == grainType ? "grain" : "row locking")}: held={held} active holds={active} " +
                  $"capacity={capacity} {(held == active && held <= capacity ? "OK" : "MISMATCH")}");
        }
    }

    private static T Expect<T>(object result) where T : class =>
        result as T ?? throw new InvalidOperationException($"Benchmark set-up failed: {result}");

    private static void Print(string line) => Console.Out.WriteLine(line);

    private sealed record RunResult(long Accepted, long Failed, TimeSpan Elapsed)
    {
        public double PerSecond => Accepted / Elapsed.TotalSeconds;

        public string Describe(string approach) => string.Create(CultureInfo.InvariantCulture,
            $"{approach}: {Accepted} durable holds in {Elapsed.TotalSeconds:0.0} s = {PerSecond:0} holds/s ({Failed} failed)");
    }
}
