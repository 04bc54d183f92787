using Npgsql;

namespace Fashionistas.LoadTests.Baseline;

/// <summary>
/// The classic way to sell seats, as the baseline of grain-bench and of the flash sale: one transaction per hold
/// that bumps the ticket type's counter under its row lock (UPDATE ... WHERE sold + held + n &lt;= capacity), inserts
/// the hold and commits. Every hold on the same ticket type waits for the previous one's commit (its WAL flush).
/// </summary>
public sealed class RowLockPurchasePath(NpgsqlDataSource dataSource)
{
    private const string Reserve =
        "UPDATE ticket_types SET held = held + $2, updated_at = now() WHERE id = $1 AND sold + held + $2 <= capacity";

    private const string Insert = """
        INSERT INTO holds (id, ticket_type_id, event_id, buyer_id, quantity, unit_price, total, status, idempotency_key, expires_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', $8, $9)
        """;

    private const string Available = "SELECT capacity - sold - held FROM ticket_types WHERE id = $1";

    private static readonly TimeSpan HoldDuration = TimeSpan.FromMinutes(10);

    public async Task<RowLockHoldResult> HoldAsync(
        Guid eventId, Guid ticketTypeId, Guid buyerId, int quantity, long unitPrice, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var reserve = new NpgsqlCommand(Reserve, connection, transaction)
        {
            Parameters = { new NpgsqlParameter<Guid> { TypedValue = ticketTypeId }, new NpgsqlParameter<int> { TypedValue = quantity } },
        };
        if (await reserve.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            await using var available = new NpgsqlCommand(Available, connection, transaction)
            {
                Parameters = { new NpgsqlParameter<Guid> { TypedValue = ticketTypeId } },
            };
            var left = Convert.ToInt32(await available.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            await transaction.RollbackAsync(cancellationToken);
            return new RowLockHoldResult(false, Guid.Empty, left);
        }

        var holdId = Guid.CreateVersion7();
        await using var insert = new NpgsqlCommand(Insert, connection, transaction)
        {
            Parameters =
            {
                new NpgsqlParameter<Guid> { TypedValue = holdId },
                new NpgsqlParameter<Guid> { TypedValue = ticketTypeId },
                new NpgsqlParameter<Guid> { TypedValue = eventId },
                new NpgsqlParameter<Guid> { TypedValue = buyerId },
                new NpgsqlParameter<int> { TypedValue = quantity },
                new NpgsqlParameter<long> { TypedValue = unitPrice },
                new NpgsqlParameter<long> { TypedValue = unitPrice * quantity },
                new NpgsqlParameter<string> { TypedValue = Guid.NewGuid().ToString("N") },
                new NpgsqlParameter<DateTimeOffset> { TypedValue = DateTimeOffset.UtcNow + HoldDuration },
            },
        };
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RowLockHoldResult(true, holdId, 0);
    }
}
