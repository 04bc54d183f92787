using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.LoadTests.Baseline;

/// <summary>
/// grain-bench's row-lock side: <c>callers</c> closed loops of <see cref="RowLockPurchasePath"/> holds of one seat on one
/// ticket type, through a pool of <c>poolSize</c> connections opened before the warm-up. At 1,000 callers a pool of
/// 1,000 spent the whole run opening connections (each a PostgreSQL backend and a SCRAM exchange on 2 busy cores) and
/// held one seat in 5 s; a bounded pool, as the server keeps, measures the row lock instead. Failures are counted by kind.
/// </summary>
public static class RowLockBench
{
    /// <summary>The flash sale's baseline pool (the server keeps 50; PostgreSQL allows 100).</summary>
    public const int DefaultPoolSize = 40;

    public static async Task<RowLockBenchResult> RunAsync(
        string connectionString, Guid eventId, Guid ticketTypeId, IReadOnlyList<Guid> buyers, int callers, int poolSize,
        TimeSpan warmup, TimeSpan measure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buyers);
        var server = new PostgresOptions();
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = poolSize,
            MinPoolSize = 0,
            // Callers beyond the pool wait for a connection; a wait this long is a failure worth reporting, not a hang.
            Timeout = 30,
            MaxAutoPrepare = server.MaxAutoPrepare,
            AutoPrepareMinUsages = server.AutoPrepareMinUsages,
        }.ConnectionString);
        await Parallel.ForEachAsync(Enumerable.Range(0, poolSize), cancellationToken, async (_, ct) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await Task.Delay(100, ct);
        });

        var path = new RowLockPurchasePath(dataSource);
        var errors = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        long accepted = 0;
        long refused = 0;
        var measuring = false;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = Enumerable.Range(0, callers).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var result = await path.HoldAsync(eventId, ticketTypeId, buyers[random.Next(buyers.Count)], 1, 100_000, stop.Token);
                    if (Volatile.Read(ref measuring))
                    {
                        Interlocked.Increment(ref result.Accepted ? ref accepted : ref refused);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
                {
                    if (Volatile.Read(ref measuring))
                    {
                        errors.AddOrUpdate($"{ex.GetType().Name}: {ex.Message}", 1, static (_, n) => n + 1);
                    }
                }
            }
        }, CancellationToken.None)).ToArray();

        await Task.Delay(warmup, cancellationToken);
        Volatile.Write(ref measuring, true);
        var clock = Stopwatch.StartNew();
        await Task.Delay(measure, cancellationToken);
        Volatile.Write(ref measuring, false);
        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        return new RowLockBenchResult(callers, poolSize, Interlocked.Read(ref accepted), Interlocked.Read(ref refused), elapsed,
            new SortedDictionary<string, long>(errors, StringComparer.Ordinal));
    }
}
