using System.Collections.Concurrent;
using System.Diagnostics;
using Fashionistas.LoadTests.Measurement;
using Fashionistas.LoadTests.Reporting;
using Fashionistas.LoadTests.Verification;
using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.LoadTests.Baseline;

/// <summary>
/// The flash sale again, on <see cref="RowLockPurchasePath"/> straight against PostgreSQL: the same buyers count,
/// the same seeded quantities, the same capacity, all callers released together, through a pool of
/// <c>poolSize</c> connections. No HTTP in the way, which flatters the baseline.
/// </summary>
public static class RowLockBaseline
{
    private const long Price = 150_000;

    public static async Task<BaselineResult> RunAsync(
        string connectionString, IReadOnlyList<int> quantities, int capacity, int perBuyerLimit, int poolSize,
        TimeSpan limit, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quantities);
        ArgumentNullException.ThrowIfNull(log);
        // The server's statement preparation applies to the baseline too, so the ratio compares designs, not settings.
        var server = new PostgresOptions();
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = poolSize,
            MinPoolSize = 0,
            Timeout = 60,
            MaxAutoPrepare = server.MaxAutoPrepare,
            AutoPrepareMinUsages = server.AutoPrepareMinUsages,
        };
        await using var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        var (eventId, ticketTypeId, buyers) = await PrepareAsync(dataSource, quantities.Count, capacity, perBuyerLimit, cancellationToken);
        await log.WriteLineAsync($"Row-lock baseline: {quantities.Count} buyers on ticket type {ticketTypeId} ({capacity} seats), pool of {poolSize} ...");

        // Open the pool before the start, as the server's pool is warm when its burst begins.
        await Parallel.ForEachAsync(Enumerable.Range(0, poolSize), cancellationToken, async (_, ct) =>
        {
            await using var c = await dataSource.OpenConnectionAsync(ct);
            await Task.Delay(100, ct);
        });

        var path = new RowLockPurchasePath(dataSource);
        var attempts = new StepLog("row-lock hold");
        var errors = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var acknowledged = new ConcurrentBag<(Guid HoldId, int Seats)>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        long lastEnd = 0;

        async Task BuyAsync(int i)
        {
            await start.Task;
            var quantity = quantities[i];
            while (quantity > 0 && !deadline.IsCancellationRequested)
            {
                var begin = Stopwatch.GetTimestamp();
                try
                {
                    var result = await path.HoldAsync(eventId, ticketTypeId, buyers[i], quantity, Price, deadline.Token);
                    var end = Stopwatch.GetTimestamp();
                    InterlockedMax(ref lastEnd, end);
                    attempts.Add(new Sample(end, (float)((end - begin) * 1000.0 / Stopwatch.Frequency), (short)(result.Accepted ? 201 : 409), (short)quantity));
                    if (result.Accepted)
                    {
                        acknowledged.Add((result.HoldId, quantity));
                        return;
                    }

                    quantity = Math.Min(quantity - 1, result.Available);
                }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
                {
                    errors.AddOrUpdate(ex.GetType().Name + ": " + ex.Message, 1, static (_, n) => n + 1);
                    return;
                }
                catch (OperationCanceledException)
                {
                    errors.AddOrUpdate("stopped by the duration limit", 1, static (_, n) => n + 1);
                    return;
                }
            }
        }

        var tasks = Enumerable.Range(0, quantities.Count).Select(BuyAsync).ToArray();
        var began = Stopwatch.GetTimestamp();
        start.SetResult();
        await Task.WhenAll(tasks);
        var window = Math.Max(1e-6, (Interlocked.Read(ref lastEnd) - began) / (double)Stopwatch.Frequency);

        var holds = acknowledged.ToList();
        var seats = holds.Sum(h => (long)h.Seats);
        var demand = quantities.Sum(q => (long)q);
        var checks = await DatabaseVerifier.VerifyAsync(connectionString, new SaleExpectation(
            ticketTypeId, perBuyerLimit, demand, (int)Math.Min(demand, capacity), CheckedOut: false,
            [.. holds.Select(h => h.HoldId)], seats, 0, []), cancellationToken);
        return new BaselineResult(quantities.Count, quantities.Count, poolSize, holds.Count, seats, window, holds.Count / window,
            attempts.Summary(),
            new SortedDictionary<string, long>(errors, StringComparer.Ordinal),
            new VerificationResult(true, checks));
    }

    /// <summary>An organizer, an on-sale event with one ticket type and the buyers, inserted directly.</summary>
    internal static async Task<(Guid EventId, Guid TicketTypeId, Guid[] Buyers)> PrepareAsync(
        NpgsqlDataSource dataSource, int buyerCount, int capacity, int perBuyerLimit, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..10];
        var organizer = Guid.NewGuid();
        var eventId = Guid.NewGuid();
        var ticketTypeId = Guid.NewGuid();
        var buyers = Enumerable.Range(0, buyerCount).Select(_ => Guid.NewGuid()).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Command("INSERT INTO users (id, email, password_hash, display_name) VALUES ($1, $2, 'row-lock baseline: no login', 'Row-lock organizer')",
                    organizer, $"rowlock-organizer-{run}@load.fashionistas.test"),
                Command("""
                    INSERT INTO users (id, email, password_hash, display_name)
                    SELECT u.id, 'rowlock-' || $2 || '-' || u.n || '@load.fashionistas.test', 'row-lock baseline: no login', 'Row-lock buyer'
                    FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, n)
                    """, buyers, run),
                Command("""
                    INSERT INTO events (id, organizer_id, name, venue, starts_at, ends_at, capacity, status)
                    VALUES ($1, $2, 'Row-lock baseline', 'Plaza Mayor, Medellín', now() + interval '30 days', now() + interval '30 days 4 hours', $3, 'on_sale')
                    """, eventId, organizer, capacity),
                Command("""
                    INSERT INTO ticket_types (id, event_id, name, price, capacity, per_buyer_limit, sales_start, sales_end)
                    VALUES ($1, $2, 'General', $3, $4, $5, now() - interval '1 hour', now() + interval '29 days')
                    """, ticketTypeId, eventId, Price, capacity, perBuyerLimit),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (eventId, ticketTypeId, buyers);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
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
