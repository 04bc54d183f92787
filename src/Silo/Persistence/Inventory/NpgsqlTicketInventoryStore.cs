using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Storage;
using Fashionistas.Silo.Outbox;
using Npgsql;

namespace Fashionistas.Silo.Persistence.Inventory;

/// <summary>
/// The ticket inventory in PostgreSQL. A batch is one transaction sent as one <see cref="NpgsqlBatch"/>:
/// multi-row inserts and updates through unnest, then one UPDATE of the counters, which the
/// ticket_types_no_oversell CHECK guards as the last line of defence. Connections come from the inventory's own pool.
/// </summary>
public sealed class NpgsqlTicketInventoryStore(InventoryDataSource inventoryDataSource) : ITicketInventoryStore
{
    private readonly NpgsqlDataSource _dataSource = inventoryDataSource.DataSource;

    private const string FencedCounters = "ticket type counters";

    private const string HoldColumns = HoldReader.Columns;

    private const string AllocationColumns = "id, ticket_type_id, quantity, held, sold, unit_price, released_at IS NOT NULL";

    private const string LoadAllocations = $"SELECT {AllocationColumns} FROM ticket_allocations WHERE ticket_type_id = $1";

    private static readonly string LoadTicketType =
        $"SELECT t.event_id, t.held, t.sold, e.status, t.version, {Prefixed("t.", TicketTypeColumns.Definition)} " +
        "FROM ticket_types t JOIN events e ON e.id = t.event_id WHERE t.id = $1";

    private static readonly string LoadActiveHolds =
        $"SELECT {HoldColumns} FROM holds WHERE ticket_type_id = $1 AND status = 'active'";

    // Valid tickets only: a transferred ticket's seat is counted once, by its replacement (same order, same buyer).
    private const string LoadSoldPerBuyer =
        "SELECT o.buyer_id, count(*)::int FROM tickets t JOIN orders o ON o.id = t.order_id " +
        "WHERE t.ticket_type_id = $1 AND t.status = 'valid' GROUP BY o.buyer_id";

    private static readonly string LoadRecentKeyedHolds =
        $"SELECT {HoldColumns} FROM holds WHERE ticket_type_id = $1 AND idempotency_key IS NOT NULL AND created_at >= $2";

    private const string LoadOlderKeys =
        "SELECT buyer_id, idempotency_key FROM holds WHERE ticket_type_id = $1 AND idempotency_key IS NOT NULL AND created_at < $2";

    private const string InsertHolds = """
        INSERT INTO holds (id, ticket_type_id, event_id, buyer_id, quantity, unit_price, total, status,
                           idempotency_key, expires_at, created_at, updated_at, allocation_id, promo_code_id)
        SELECT u.id, $1, $2, u.buyer_id, u.quantity, u.unit_price, u.total, u.status,
               u.idempotency_key, u.expires_at, u.created_at, u.created_at, u.allocation_id, u.promo_code_id
        FROM unnest($3::uuid[], $4::uuid[], $5::int[], $6::bigint[], $7::bigint[], $8::text[], $9::text[],
                    $10::timestamptz[], $11::timestamptz[], $12::uuid[], $13::uuid[])
             AS u(id, buyer_id, quantity, unit_price, total, status, idempotency_key, expires_at, created_at, allocation_id, promo_code_id)
        """;

    private const string UpdateHolds = """
        UPDATE holds AS h SET status = u.status, updated_at = now()
        FROM unnest($2::uuid[], $3::text[]) AS u(id, status)
        WHERE h.id = u.id AND h.ticket_type_id = $1
        """;

    private const string InsertTickets = """
        INSERT INTO tickets (id, code, order_id, ticket_type_id, event_id, owner_id, status, transferred_from)
        SELECT u.id, u.code, u.order_id, $1, $2, u.owner_id, u.status, u.transferred_from
        FROM unnest($3::uuid[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::uuid[])
             AS u(id, code, order_id, owner_id, status, transferred_from)
        """;

    // The confirmation message of a paid order, in the transaction that issues its tickets (transactional outbox).
    private static readonly string InsertConfirmations =
        $"INSERT INTO outbox (kind, payload) SELECT '{OutboxKinds.TicketConfirmation}', jsonb_build_object('orderId', u.id) " +
        "FROM unnest($1::uuid[]) AS u(id)";

    // The grain decided on the caller's reading of each order; every field it relied on is matched here, in the
    // transaction, so a row that changed since (or never matched) touches 0 rows and the batch writes nothing.
    private const string MarkOrdersPaid = """
        UPDATE orders AS o SET status = 'paid', paid_at = now(), updated_at = now(),
                               payment_reference = coalesce(o.payment_reference, u.payment_reference)
        FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::text[])
             AS u(id, hold_id, buyer_id, quantity, payment_reference)
        WHERE o.id = u.id AND o.ticket_type_id = $1 AND o.hold_id = u.hold_id AND o.buyer_id = u.buyer_id
          AND o.quantity = u.quantity AND o.status IN ('pending_payment', 'failed')
        """;

    // Allocations' counters: final values, like the tier's; the row's CHECK keeps held + sold within the quantity.
    private const string UpdateAllocations = """
        UPDATE ticket_allocations AS a SET quantity = u.quantity, held = u.held, sold = u.sold, updated_at = now(),
               released_at = CASE WHEN u.released THEN coalesce(a.released_at, now()) END
        FROM unnest($2::uuid[], $3::int[], $4::int[], $5::int[], $6::boolean[]) AS u(id, quantity, held, sold, released)
        WHERE a.id = u.id AND a.ticket_type_id = $1
        """;

    // Comp tickets' free orders, paid at once (their holds are inserted converted in the same batch).
    private const string InsertCompOrders = """
        INSERT INTO orders (id, hold_id, buyer_id, event_id, ticket_type_id, quantity, unit_price, total, status,
                            payment_provider, paid_at)
        SELECT u.id, u.hold_id, u.buyer_id, $2, $1, u.quantity, 0, 0, 'paid', 'none', now()
        FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::int[]) AS u(id, hold_id, buyer_id, quantity)
        """;

    private const string InsertCompNames = """
        INSERT INTO comp_tickets (ticket_id, allocation_id, attendee_name)
        SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])
        """;

    private const string VoidTickets = """
        UPDATE tickets SET status = 'void', updated_at = now()
        WHERE id = ANY($2) AND ticket_type_id = $1 AND status = 'valid'
        """;

    private const string TransferTickets = """
        UPDATE tickets SET status = 'transferred', updated_at = now()
        WHERE id = ANY($2) AND ticket_type_id = $1 AND status = 'valid'
        """;

    // The fence: the counters are written only over the version the activation last loaded or wrote. It runs first, so
    // it also takes the row lock first; a duplicate activation's batch then matches 0 rows and the whole batch rolls back.
    private const string UpdateCounters =
        "UPDATE ticket_types SET held = $2, sold = $3, reserved = $5, version = version + 1, updated_at = now() WHERE id = $1 AND version = $4";

    private static readonly string UpdateCountersAndDefinition =
        "UPDATE ticket_types SET held = $2, sold = $3, reserved = $5, version = version + 1, updated_at = now(), " +
        $"({TicketTypeColumns.Definition}) = " +
        $"({string.Join(", ", Enumerable.Range(6, TicketTypeColumns.DefinitionCount).Select(i => $"${i}"))}) WHERE id = $1 AND version = $4";

    public async Task<TicketTypeLoad?> LoadAsync(Guid ticketTypeId, DateTimeOffset keysSince, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);

        // One snapshot for all five reads, so counters, holds and tickets agree with each other.
        await using var transaction = await connection.BeginTransactionAsync(
            System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Db.Command(LoadTicketType, Db.Value(ticketTypeId)),
                Db.Command(LoadActiveHolds, Db.Value(ticketTypeId)),
                Db.Command(LoadSoldPerBuyer, Db.Value(ticketTypeId)),
                Db.Command(LoadRecentKeyedHolds, Db.Value(ticketTypeId), Db.Time(keysSince)),
                Db.Command(LoadOlderKeys, Db.Value(ticketTypeId), Db.Time(keysSince)),
                Db.Command(LoadAllocations, Db.Value(ticketTypeId)),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);

        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var eventId = reader.GetGuid(0);
        var held = reader.GetInt32(1);
        var sold = reader.GetInt32(2);
        var eventStatus = EventStatusNames.Parse(reader.GetString(3));
        var version = reader.GetInt64(4);
        var definition = TicketTypeColumns.ReadDefinition(reader, 5);

        await reader.NextResultAsync(cancellationToken);
        var active = await ReadHoldsAsync(reader, cancellationToken);

        await reader.NextResultAsync(cancellationToken);
        var soldPerBuyer = new Dictionary<Guid, int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            soldPerBuyer[reader.GetGuid(0)] = reader.GetInt32(1);
        }

        await reader.NextResultAsync(cancellationToken);
        var recent = await ReadHoldsAsync(reader, cancellationToken);

        await reader.NextResultAsync(cancellationToken);
        var older = new List<BuyerKey>();
        while (await reader.ReadAsync(cancellationToken))
        {
            older.Add(new BuyerKey(reader.GetGuid(0), reader.GetString(1)));
        }

        await reader.NextResultAsync(cancellationToken);
        var allocations = await ReadAllocationsAsync(reader, cancellationToken);

        return new TicketTypeLoad(
            new Grains.Contracts.TicketTypeSnapshot(ticketTypeId, eventId, definition),
            eventStatus, version, held, sold, active, soldPerBuyer, recent, older)
        {
            Allocations = allocations,
        };
    }

    public async Task CommitAsync(InventoryBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new CountedBatch(connection, transaction);

        var id = batch.TicketTypeId;
        var counters = Db.Command(
            batch.Definition is null ? UpdateCounters : UpdateCountersAndDefinition,
            Db.Value(id), Db.Value(batch.Held), Db.Value(batch.Sold), Db.Value(batch.ExpectedVersion), Db.Value(batch.Reserved));
        if (batch.Definition is not null)
        {
            TicketTypeColumns.AddDefinition(counters.Parameters, batch.Definition);
        }

        command.Add(FencedCounters, 1, counters);
        if (batch.NewHolds.Count > 0)
        {
            var holds = batch.NewHolds;
            command.Add("new holds", holds.Count, Db.Command(
                InsertHolds,
                Db.Value(id),
                Db.Value(batch.EventId),
                Db.Value(holds.Select(h => h.Id).ToArray()),
                Db.Value(holds.Select(h => h.BuyerId).ToArray()),
                Db.Value(holds.Select(h => h.Quantity).ToArray()),
                Db.Value(holds.Select(h => h.UnitPrice).ToArray()),
                Db.Value(holds.Select(h => h.Total).ToArray()),
                Db.Value(holds.Select(h => h.Status.ToStorageName()).ToArray()),
                Db.Value(holds.Select(h => h.IdempotencyKey).ToArray()),
                Db.Value(holds.Select(h => h.ExpiresAt.UtcDateTime).ToArray()),
                Db.Value(holds.Select(h => h.CreatedAt.UtcDateTime).ToArray()),
                Db.Value(holds.Select(h => h.AllocationId).ToArray()),
                Db.Value(holds.Select(h => h.PromoCodeId).ToArray())));
        }

        if (batch.Allocations.Count > 0)
        {
            var allocations = batch.Allocations;
            command.Add("allocations", allocations.Count, Db.Command(
                UpdateAllocations,
                Db.Value(id),
                Db.Value(allocations.Select(a => a.Id).ToArray()),
                Db.Value(allocations.Select(a => a.Quantity).ToArray()),
                Db.Value(allocations.Select(a => a.Held).ToArray()),
                Db.Value(allocations.Select(a => a.Sold).ToArray()),
                Db.Value(allocations.Select(a => a.Released).ToArray())));
        }

        if (batch.CompOrders.Count > 0)
        {
            var comps = batch.CompOrders;
            var orderIds = comps.Select(o => o.OrderId).ToArray();
            command.Add("comp orders", comps.Count, Db.Command(
                InsertCompOrders,
                Db.Value(id),
                Db.Value(batch.EventId),
                Db.Value(orderIds),
                Db.Value(comps.Select(o => o.HoldId).ToArray()),
                Db.Value(comps.Select(o => o.BuyerId).ToArray()),
                Db.Value(comps.Select(o => o.Quantity).ToArray())));
            command.Add("comp confirmation messages", comps.Count, Db.Command(InsertConfirmations, Db.Value(orderIds)));
        }

        if (batch.HoldChanges.Count > 0)
        {
            command.Add("ended holds", batch.HoldChanges.Count, Db.Command(
                UpdateHolds,
                Db.Value(id),
                Db.Value(batch.HoldChanges.Select(c => c.HoldId).ToArray()),
                Db.Value(batch.HoldChanges.Select(c => c.Status.ToStorageName()).ToArray())));
        }

        if (batch.PaidOrders.Count > 0)
        {
            // Before the tickets: a ticket's order must be paid in the same transaction, never left pending.
            var paid = batch.PaidOrders;
            var orderIds = paid.Select(o => o.OrderId).ToArray();
            command.Add("paid orders", paid.Count, Db.Command(
                MarkOrdersPaid,
                Db.Value(id),
                Db.Value(orderIds),
                Db.Value(paid.Select(o => o.HoldId).ToArray()),
                Db.Value(paid.Select(o => o.BuyerId).ToArray()),
                Db.Value(paid.Select(o => o.Quantity).ToArray()),
                Db.Value(paid.Select(o => o.PaymentReference).ToArray())));
            command.Add("confirmation messages", paid.Count, Db.Command(InsertConfirmations, Db.Value(orderIds)));
        }

        if (batch.TransferredTickets.Count > 0)
        {
            // Before the new tickets, so that a replacement is only written while the old ticket was still valid.
            command.Add("transferred tickets", batch.TransferredTickets.Count, Db.Command(
                TransferTickets, Db.Value(id), Db.Value(batch.TransferredTickets.ToArray())));
        }

        if (batch.NewTickets.Count > 0)
        {
            var tickets = batch.NewTickets;
            command.Add("new tickets", tickets.Count, Db.Command(
                InsertTickets,
                Db.Value(id),
                Db.Value(batch.EventId),
                Db.Value(tickets.Select(t => t.Id).ToArray()),
                Db.Value(tickets.Select(t => t.Code).ToArray()),
                Db.Value(tickets.Select(t => t.OrderId).ToArray()),
                Db.Value(tickets.Select(t => t.OwnerId).ToArray()),
                Db.Value(tickets.Select(t => t.Status.ToStorageName()).ToArray()),
                Db.Value(tickets.Select(t => t.TransferredFrom).ToArray())));
        }

        if (batch.CompNames.Count > 0)
        {
            var names = batch.CompNames;
            command.Add("comp ticket names", names.Count, Db.Command(
                InsertCompNames,
                Db.Value(names.Select(n => n.TicketId).ToArray()),
                Db.Value(names.Select(n => n.AllocationId).ToArray()),
                Db.Value(names.Select(n => n.AttendeeName).ToArray())));
        }

        if (batch.VoidedTickets.Count > 0)
        {
            command.Add("voided tickets", batch.VoidedTickets.Count, Db.Command(VoidTickets, Db.Value(id), Db.Value(batch.VoidedTickets.ToArray())));
        }

        switch (await command.ExecuteAsync(cancellationToken))
        {
            case { What: FencedCounters }:
                throw new InventoryFencedException(id, batch.ExpectedVersion);
            case { } mismatch:
                throw new InventoryCommitException(mismatch.Describe($"Ticket type {id}"));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<StoredHold?> FindHoldAsync(Guid holdId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {HoldColumns} FROM holds WHERE id = $1");
        command.Parameters.Add(Db.Value(holdId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var holds = await ReadHoldsAsync(reader, cancellationToken);
        return holds.Count == 0 ? null : holds[0];
    }

    public async Task<StoredOrder?> FindOrderAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var batch = _dataSource.CreateBatch();
        batch.BatchCommands.Add(Db.Command(
            "SELECT o.id, o.hold_id, o.buyer_id, o.ticket_type_id, o.quantity, o.status, h.allocation_id " +
            "FROM orders o JOIN holds h ON h.id = o.hold_id WHERE o.id = $1", Db.Value(orderId)));
        batch.BatchCommands.Add(Db.Command(
            "SELECT id, code, status FROM tickets WHERE order_id = $1 ORDER BY id", Db.Value(orderId)));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var (id, holdId, buyerId, ticketTypeId, quantity, status) = (
            reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetGuid(3), reader.GetInt32(4), reader.GetString(5));
        Guid? allocationId = reader.IsDBNull(6) ? null : reader.GetGuid(6);

        await reader.NextResultAsync(cancellationToken);
        var tickets = new List<StoredTicket>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tickets.Add(new StoredTicket(reader.GetGuid(0), reader.GetString(1), TicketStatusNames.Parse(reader.GetString(2))));
        }

        return new StoredOrder(id, holdId, buyerId, ticketTypeId, quantity, status, tickets, allocationId);
    }

    public async Task<StoredAllocation?> FindAllocationAsync(Guid allocationId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {AllocationColumns} FROM ticket_allocations WHERE id = $1");
        command.Parameters.Add(Db.Value(allocationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var allocations = await ReadAllocationsAsync(reader, cancellationToken);
        return allocations.Count == 0 ? null : allocations[0];
    }

    private static async Task<List<StoredHold>> ReadHoldsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var holds = new List<StoredHold>();
        while (await reader.ReadAsync(cancellationToken))
        {
            holds.Add(HoldReader.Read(reader));
        }

        return holds;
    }

    private static async Task<List<StoredAllocation>> ReadAllocationsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var allocations = new List<StoredAllocation>();
        while (await reader.ReadAsync(cancellationToken))
        {
            allocations.Add(new StoredAllocation(
                reader.GetGuid(0),
                reader.GetGuid(1),
                reader.GetInt32(2),
                reader.GetInt32(3),
                reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5),
                reader.GetBoolean(6)));
        }

        return allocations;
    }

    private static string Prefixed(string prefix, string columns) =>
        string.Join(", ", columns.Split(", ").Select(c => prefix + c));
}
