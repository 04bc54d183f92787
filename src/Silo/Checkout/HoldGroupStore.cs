using System.Text.Json;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Storage;
using Fashionistas.Silo.Persistence;
using Fashionistas.Silo.Tickets;
using Npgsql;
using NpgsqlTypes;

namespace Fashionistas.Silo.Checkout;

/// <summary>
/// Tables hold_groups and the group's order lines: the commit record of a hold across tiers, the lines its checkout
/// creates (one orders row per tier, confirmed by that tier's grain as any order is) and what every line shares (the
/// payment, the attendees given at checkout).
/// </summary>
public sealed class HoldGroupStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string SelectGroup = "SELECT id, event_id, buyer_id, total, expires_at FROM hold_groups";

    private static readonly string SelectHolds = $"SELECT {HoldReader.Columns} FROM holds WHERE group_id = $1 ORDER BY id";

    public Task<HoldGroup?> FindAsync(Guid groupId, CancellationToken cancellationToken) =>
        ReadGroupAsync(SelectGroup + " WHERE id = $1", cancellationToken, Db.Value(groupId));

    /// <summary>The buyer's group placed with <paramref name="key"/>, for retries of the same request.</summary>
    public Task<HoldGroup?> FindByKeyAsync(Guid buyerId, string key, CancellationToken cancellationToken) =>
        ReadGroupAsync(SelectGroup + " WHERE buyer_id = $1 AND idempotency_key = $2", cancellationToken, Db.Value(buyerId), Db.Value(key));

    /// <summary>How many of <paramref name="ticketTypeIds"/> are tiers of <paramref name="eventId"/>.</summary>
    public async Task<int> CountTiersOfEventAsync(Guid eventId, Guid[] ticketTypeIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*)::int FROM ticket_types WHERE event_id = $1 AND id = ANY($2)");
        command.Parameters.AddRange(new NpgsqlParameter[] { Db.Value(eventId), Db.Value(ticketTypeIds) });
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// The group's commit record: the hold_groups row and every hold pointing at it, in one transaction, only when every
    /// hold is still active, the buyer's and in no other group (else nothing is written and the answer is false).
    /// </summary>
    public async Task<bool> RecordAsync(HoldGroup group, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO hold_groups (id, event_id, buyer_id, total, expires_at, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT DO NOTHING
            """, connection, transaction))
        {
            insert.Parameters.AddRange(new NpgsqlParameter[]
            {
                Db.Value(group.Id), Db.Value(group.EventId), Db.Value(group.BuyerId), Db.Value(group.Total), Db.Time(group.ExpiresAt),
                Db.Nullable(idempotencyKey),
            });
            if (await insert.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return false;
            }
        }

        await using (var link = new NpgsqlCommand("""
            UPDATE holds SET group_id = $1, updated_at = now()
            WHERE id = ANY($2) AND buyer_id = $3 AND status = 'active' AND group_id IS NULL
            """, connection, transaction))
        {
            link.Parameters.AddRange(new NpgsqlParameter[] { Db.Value(group.Id), Db.Value(group.Holds.Select(h => h.Id).ToArray()), Db.Value(group.BuyerId) });
            if (await link.ExecuteNonQueryAsync(cancellationToken) != group.Holds.Count)
            {
                return false;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Everything a group's checkout needs before the payment, in one transaction: the buyer's group (null when it is not
    /// theirs or does not exist), its order lines, created now when missing and every hold active at <paramref name="now"/>
    /// (pending payment, at the held prices, with <paramref name="paymentProvider"/>, or <paramref name="freeProvider"/>
    /// when the whole group costs nothing), the attendees to name on the tickets, the buyer's e-mail and the answer
    /// stored for <paramref name="idempotencyKey"/>.
    /// </summary>
    public async Task<GroupCheckoutStart?> StartCheckoutAsync(
        Guid groupId, Guid buyerId, string paymentProvider, string freeProvider, DateTimeOffset now, string? idempotencyKey,
        IReadOnlyList<AttendeeEntry>? attendees, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Locked: two checkouts of one group create its lines once.
        var group = await ReadGroupAsync(connection, transaction, SelectGroup + " WHERE id = $1 AND buyer_id = $2 FOR UPDATE",
            cancellationToken, Db.Value(groupId), Db.Value(buyerId));
        if (group is null)
        {
            return null;
        }

        var lines = await ReadLinesAsync(connection, transaction, groupId, cancellationToken);
        var created = false;
        if (lines.Count == 0 && group.Holds.All(h => h.Status == HoldStatus.Active && h.ExpiresAt > now))
        {
            await using (var insert = new NpgsqlCommand("""
                INSERT INTO orders (id, hold_id, buyer_id, event_id, ticket_type_id, quantity, unit_price, total, status,
                                    payment_provider, order_group_id)
                SELECT u.id, h.id, h.buyer_id, h.event_id, h.ticket_type_id, h.quantity, h.unit_price, h.total, 'pending_payment', $3, $1
                FROM unnest($4::uuid[], $2::uuid[]) AS u(id, hold_id)
                JOIN holds h ON h.id = u.hold_id
                """, connection, transaction))
            {
                insert.Parameters.AddRange(new NpgsqlParameter[]
                {
                    Db.Value(groupId),
                    Db.Value(group.Holds.Select(h => h.Id).ToArray()),
                    Db.Value(group.Total == 0 ? freeProvider : paymentProvider),
                    Db.Value(group.Holds.Select(_ => Guid.CreateVersion7(now)).ToArray()),
                });
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            lines = await ReadLinesAsync(connection, transaction, groupId, cancellationToken);
            created = true;
        }

        if (attendees is not null && !lines.Any(l => OrderStatusNames.IsRefundable(l.Status)))
        {
            await using var save = new NpgsqlCommand("UPDATE hold_groups SET attendees = $2 WHERE id = $1", connection, transaction);
            save.Parameters.AddRange(new NpgsqlParameter[]
            {
                Db.Value(groupId),
                new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(attendees, Json), NpgsqlDbType = NpgsqlDbType.Jsonb },
            });
            await save.ExecuteNonQueryAsync(cancellationToken);
        }

        string email;
        string? stored;
        await using (var read = new NpgsqlCommand("""
            SELECT u.email, (SELECT k.response::text FROM idempotency_keys k WHERE k.scope = $2 AND k.owner_id = $1 AND k.key = $3)
            FROM users u WHERE u.id = $1
            """, connection, transaction))
        {
            read.Parameters.AddRange(new NpgsqlParameter[] { Db.Value(buyerId), Db.Value(IdempotentAnswers.CheckoutScope(groupId)), Db.Nullable(idempotencyKey) });
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            email = reader.GetString(0);
            stored = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        await transaction.CommitAsync(cancellationToken);
        return new GroupCheckoutStart(group, lines, created, email, stored);
    }

    /// <summary>The group's order lines, oldest tier first.</summary>
    public async Task<IReadOnlyList<OrderRecord>> ReadLinesAsync(Guid groupId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadLinesAsync(connection, null, groupId, cancellationToken);
    }

    /// <summary>The group's lines as one order (<see cref="GroupCheckoutService.AsOneOrder"/>) with every ticket they issued; null when it has no lines.</summary>
    public async Task<OrderDetails?> FindOrderAsync(Guid groupId, CancellationToken cancellationToken)
    {
        var lines = await ReadLinesAsync(groupId, cancellationToken);
        if (lines.Count == 0)
        {
            return null;
        }

        await using var command = dataSource.CreateCommand(TicketReader.Select + """
             WHERE t.order_id IN (SELECT id FROM orders WHERE order_group_id = $1) ORDER BY t.ticket_type_id, t.id
            """);
        command.Parameters.Add(Db.Value(groupId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return new OrderDetails(GroupCheckoutService.AsOneOrder(groupId, lines), await TicketReader.ReadAllAsync(reader, cancellationToken));
    }

    /// <summary>The valid tickets of every line of the group.</summary>
    public async Task<IReadOnlyList<TicketRecord>> ReadTicketsAsync(Guid groupId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(TicketReader.Select + """
             WHERE t.order_id IN (SELECT id FROM orders WHERE order_group_id = $1) AND t.status = 'valid'
             ORDER BY t.ticket_type_id, t.id
            """);
        command.Parameters.Add(Db.Value(groupId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await TicketReader.ReadAllAsync(reader, cancellationToken);
    }

    /// <summary>Writes the attendees given at checkout on the group's issued tickets (<see cref="OrderAttendees.ApplyCheckoutNamesAsync"/>).</summary>
    public async Task ApplyAttendeesAsync(Guid groupId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await OrderAttendees.ApplyCheckoutNamesAsync(connection, null, groupId, cancellationToken);
    }

    /// <summary>Remembers the group's one payment on every line; false when a line has another one.</summary>
    public async Task<bool> SetPaymentReferenceAsync(Guid groupId, string reference, string? replaced, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH u AS (
                UPDATE orders SET payment_reference = $2, updated_at = now()
                WHERE order_group_id = $1 AND (payment_reference IS NULL OR payment_reference = $2 OR payment_reference = $3)
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM u) = (SELECT count(*) FROM orders WHERE order_group_id = $1)
            """);
        command.Parameters.AddRange(new NpgsqlParameter[] { Db.Value(groupId), Db.Value(reference), Db.Nullable(replaced) });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>A new attempt after a decline: every failed line is pending payment again.</summary>
    public async Task MarkPendingAsync(Guid groupId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE orders SET status = 'pending_payment', updated_at = now() WHERE order_group_id = $1 AND status = 'failed'");
        command.Parameters.Add(Db.Value(groupId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<HoldGroup?> ReadGroupAsync(string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadGroupAsync(connection, null, sql, cancellationToken, parameters);
    }

    private static async Task<HoldGroup?> ReadGroupAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        Guid id, eventId, buyerId;
        long total;
        DateTimeOffset expiresAt;
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            command.Parameters.AddRange(parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            (id, eventId, buyerId, total, expiresAt) =
                (reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetInt64(3), reader.GetFieldValue<DateTimeOffset>(4));
        }

        var holds = new List<StoredHold>();
        await using (var command = new NpgsqlCommand(SelectHolds, connection, transaction))
        {
            command.Parameters.Add(Db.Value(id));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                holds.Add(HoldReader.Read(reader) with { GroupId = id });
            }
        }

        return new HoldGroup(id, eventId, buyerId, total, expiresAt, holds);
    }

    private static async Task<IReadOnlyList<OrderRecord>> ReadLinesAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid groupId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(OrderReader.Select + " WHERE o.order_group_id = $1 ORDER BY o.ticket_type_id, o.id", connection, transaction);
        command.Parameters.Add(Db.Value(groupId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await OrderReader.ReadAllAsync(reader, cancellationToken);
    }
}
