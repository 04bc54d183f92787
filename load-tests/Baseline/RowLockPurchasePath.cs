using Npgsql;

namespace Fashionistas.LoadTests.Baseline;

/// <summary>
/// The classic way to sell seats: one transaction per hold that locks the ticket type's row, checks and bumps the
/// counter, and inserts the hold. Written as a single statement (UPDATE ... RETURNING feeding the INSERT), the
/// fastest form of it: the row lock is held for one statement plus its commit, no client round trip in between.
/// Every hold on the same ticket type therefore waits for the previous one's commit (its WAL flush).
/// </summary>
public sealed class RowLockPurchasePath(NpgsqlDataSource dataSource)
{
    private const string HoldSql = """
        WITH taken AS (
            UPDATE ticket_types SET held = held + $3, updated_at = now()
            WHERE id = $1 AND sold + held + $3 <= capacity
            RETURNING event_id, price)
        INSERT INTO holds (id, ticket_type_id, event_id, buyer_id, quantity, unit_price, total, status, expires_at, created_at, updated_at)
        SELECT $2, $1, taken.event_id, $4, $3, taken.price, taken.price * $3, 'active', now() + interval '10 minutes', now(), now()
        FROM taken
        """;

    private const string AvailableSql = "SELECT capacity - sold - held FROM ticket_types WHERE id = $1";

    public async Task<RowLockHoldResult> HoldAsync(Guid ticketTypeId, Guid holdId, Guid buyerId, int quantity, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var hold = new NpgsqlCommand(HoldSql, connection))
        {
            hold.Parameters.Add(new NpgsqlParameter { Value = ticketTypeId });
            hold.Parameters.Add(new NpgsqlParameter { Value = holdId });
            hold.Parameters.Add(new NpgsqlParameter { Value = quantity });
            hold.Parameters.Add(new NpgsqlParameter { Value = buyerId });
            if (await hold.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return new RowLockHoldResult(true, 0);
            }
        }

        await using var available = new NpgsqlCommand(AvailableSql, connection);
        available.Parameters.Add(new NpgsqlParameter { Value = ticketTypeId });
        return new RowLockHoldResult(false, Convert.ToInt32(await available.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture));
    }
}
