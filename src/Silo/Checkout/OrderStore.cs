using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Storage;
using Fashionistas.Silo.Outbox;
using Fashionistas.Silo.Persistence;
using Fashionistas.Silo.Tickets;
using Npgsql;

namespace Fashionistas.Silo.Checkout;

/// <summary>
/// Orders in PostgreSQL outside the inventory path: creation at checkout, payment references, failures, refunds and
/// disputes. Paying an order and issuing its tickets is the ticket-type grain's commit, never done here. Every status
/// change is conditional on the status it starts from, so retries and racing webhooks apply it once.
/// </summary>
public sealed class OrderStore(NpgsqlDataSource dataSource)
{
    public async Task<OrderDetails?> FindAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Db.Command(OrderReader.Select + " WHERE o.id = $1", Db.Value(orderId)));
        batch.BatchCommands.Add(Db.Command(TicketReader.Select + " WHERE t.order_id = $1 ORDER BY t.id", Db.Value(orderId)));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var orders = await OrderReader.ReadAllAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var tickets = await TicketReader.ReadAllAsync(reader, cancellationToken);
        return orders.Count == 0 ? null : new OrderDetails(orders[0], tickets);
    }

    /// <summary>Every ticket of these orders, whatever its status, read in one statement (one snapshot).</summary>
    public async Task<IReadOnlyList<TicketRecord>> ReadTicketsAsync(Guid[] orderIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(TicketReader.Select + " WHERE t.order_id = ANY($1) ORDER BY t.id");
        command.Parameters.Add(Db.Value(orderIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await TicketReader.ReadAllAsync(reader, cancellationToken);
    }

    public Task<OrderRecord?> FindByHoldAsync(Guid holdId, CancellationToken cancellationToken) =>
        FindOneAsync(" WHERE o.hold_id = $1", cancellationToken, Db.Value(holdId));

    public Task<OrderRecord?> FindByPaymentReferenceAsync(string provider, string reference, CancellationToken cancellationToken) =>
        FindOneAsync(" WHERE o.payment_provider = $1 AND o.payment_reference = $2", cancellationToken, Db.Value(provider), Db.Value(reference));

    /// <summary>The buyer's orders, newest first, each with its tickets.</summary>
    public async Task<IReadOnlyList<OrderDetails>> ListByBuyerAsync(Guid buyerId, int limit, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Db.Command(
            OrderReader.Select + " WHERE o.buyer_id = $1 ORDER BY o.created_at DESC, o.id DESC LIMIT $2", Db.Value(buyerId), Db.Value(limit)));
        batch.BatchCommands.Add(Db.Command(
            TicketReader.Select + """
                 WHERE t.order_id IN (SELECT id FROM orders WHERE buyer_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2)
                 ORDER BY t.id
                """,
            Db.Value(buyerId),
            Db.Value(limit)));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var orders = await OrderReader.ReadAllAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var tickets = (await TicketReader.ReadAllAsync(reader, cancellationToken)).ToLookup(t => t.OrderId);
        return [.. orders.Select(o => new OrderDetails(o, [.. tickets[o.Id]]))];
    }

    /// <summary>
    /// Everything checkout needs before the payment, in one statement: the buyer's hold (null when it is not theirs or
    /// does not exist), its order, created now (pending payment, at the held price, with <paramref name="paymentProvider"/>
    /// or <paramref name="freeProvider"/> when the hold costs nothing) when missing and the hold is active at
    /// <paramref name="now"/>, the buyer's e-mail for the provider, and the answer stored for
    /// <paramref name="idempotencyKey"/> (scope <see cref="IdempotentAnswers.CheckoutScope"/>) when there is one. One
    /// order per hold (hold_id is unique). A stored answer means the order exists already, so the insert does nothing.
    /// A hold of a group is not found here: a group is checked out as a whole (<see cref="GroupCheckoutService"/>).
    /// </summary>
    public async Task<CheckoutStart?> StartCheckoutAsync(
        Guid holdId, Guid buyerId, string paymentProvider, string freeProvider, DateTimeOffset now, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        // A data-modifying CTE: the statement's snapshot does not show the inserted row in orders, so "o" takes it from
        // RETURNING and the existing one (if any) from the table, never both.
        await using var command = dataSource.CreateCommand($"""
            WITH h AS (
                SELECT {HoldReader.Columns}
                FROM holds WHERE id = $1 AND buyer_id = $2 AND group_id IS NULL
            ), created AS (
                INSERT INTO orders (id, hold_id, buyer_id, event_id, ticket_type_id, quantity, unit_price, total, status, payment_provider)
                SELECT $3, h.id, h.buyer_id, h.event_id, h.ticket_type_id, h.quantity, h.unit_price, h.total, 'pending_payment',
                       CASE WHEN h.total = 0 THEN $5 ELSE $4 END
                FROM h
                WHERE h.status = 'active' AND h.expires_at > $6 AND NOT EXISTS (SELECT 1 FROM orders WHERE hold_id = $1)
                ON CONFLICT (hold_id) DO NOTHING
                RETURNING *
            ), o AS (
                SELECT * FROM created
                UNION ALL
                SELECT * FROM orders WHERE hold_id = $1
            )
            SELECT {OrderReader.Columns},
                   {HoldReader.Prefixed("h.")},
                   u.email,
                   (SELECT k.response::text FROM idempotency_keys k WHERE k.scope = $7 AND k.owner_id = $2 AND k.key = $8)
            FROM h
            JOIN users u ON u.id = h.buyer_id
            LEFT JOIN o ON true
            LEFT JOIN events e ON e.id = o.event_id
            LEFT JOIN ticket_types tt ON tt.id = o.ticket_type_id
            """);
        var newOrderId = Guid.CreateVersion7(now);
        command.Parameters.AddRange(new NpgsqlParameter[]
        {
            Db.Value(holdId), Db.Value(buyerId), Db.Value(newOrderId), Db.Value(paymentProvider), Db.Value(freeProvider), Db.Time(now),
            Db.Value(IdempotentAnswers.CheckoutScope(holdId)), Db.Nullable(idempotencyKey),
        });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var order = reader.IsDBNull(0) ? null : OrderReader.Read(reader);
        const int h = OrderReader.ColumnCount;
        var hold = HoldReader.Read(reader, h);
        const int email = h + HoldReader.ColumnCount;
        return new CheckoutStart(hold, order, order?.Id == newOrderId, reader.GetString(email), reader.IsDBNull(email + 1) ? null : reader.GetString(email + 1));
    }

    /// <summary>The hold's order, created now (pending payment, at the held price) unless it exists: one order per hold.</summary>
    public async Task<OrderRecord> CreateForHoldAsync(StoredHold hold, string paymentProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        await using (var insert = dataSource.CreateCommand("""
            INSERT INTO orders (id, hold_id, buyer_id, event_id, ticket_type_id, quantity, unit_price, total, status, payment_provider)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending_payment', $9)
            ON CONFLICT (hold_id) DO NOTHING
            """))
        {
            insert.Parameters.AddRange(new NpgsqlParameter[]
            {
                Db.Value(Guid.CreateVersion7()), Db.Value(hold.Id), Db.Value(hold.BuyerId), Db.Value(hold.EventId),
                Db.Value(hold.TicketTypeId), Db.Value(hold.Quantity), Db.Value(hold.UnitPrice), Db.Value(hold.Total),
                Db.Value(paymentProvider),
            });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return await FindByHoldAsync(hold.Id, cancellationToken)
            ?? throw new InvalidOperationException($"The order of hold {hold.Id} vanished after its insert.");
    }

    /// <summary>Remembers the provider's payment id; a second, different id for the same order is refused (false).</summary>
    public async Task<bool> SetPaymentReferenceAsync(Guid orderId, string reference, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE orders SET payment_reference = $2, updated_at = now()
            WHERE id = $1 AND (payment_reference IS NULL OR payment_reference = $2)
            """);
        command.Parameters.AddRange(new NpgsqlParameter[] { Db.Value(orderId), Db.Value(reference) });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Puts <paramref name="reference"/> in place of <paramref name="replaced"/> (a hosted page's session, once Stripe
    /// names the payment it made); also true when the order already has <paramref name="reference"/>.
    /// </summary>
    public async Task<bool> ReplacePaymentReferenceAsync(Guid orderId, string replaced, string reference, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE orders SET payment_reference = $3, updated_at = now()
            WHERE id = $1 AND (payment_reference IS NULL OR payment_reference IN ($2, $3))
            """);
        command.Parameters.AddRange(new NpgsqlParameter[] { Db.Value(orderId), Db.Value(replaced), Db.Value(reference) });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>A declined attempt: pending → failed, with the buyer's "payment failed" message. False when not pending.</summary>
    public Task<bool> MarkFailedAsync(Guid orderId, CancellationToken cancellationToken) =>
        InTransactionAsync((connection, transaction) => MarkFailedAsync(connection, transaction, orderId, cancellationToken), cancellationToken);

    /// <summary>As <see cref="MarkFailedAsync(Guid, CancellationToken)"/>, inside the caller's transaction.</summary>
    public static async Task<bool> MarkFailedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid orderId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE orders SET status = 'failed', updated_at = now() WHERE id = $1 AND status = 'pending_payment'", connection, transaction);
        command.Parameters.Add(Db.Value(orderId));
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }

        await OutboxStore.EnqueueAsync(connection, transaction, OutboxKinds.PaymentFailed, orderId, cancellationToken);
        return true;
    }

    /// <summary>A new attempt after a decline: failed → pending payment.</summary>
    public async Task MarkPendingAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE orders SET status = 'pending_payment', updated_at = now() WHERE id = $1 AND status = 'failed'");
        command.Parameters.Add(Db.Value(orderId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Raises a paid order's refunded amount to <paramref name="target"/> (never lowers it): refunded when it covers the
    /// total, else partially refunded; with an audit row and the buyer's refund message. False when already there.
    /// </summary>
    public Task<bool> RecordRefundAsync(Guid orderId, long target, Guid? actorId, string reason, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (connection, transaction) =>
            {
                await using var command = new NpgsqlCommand("""
                    UPDATE orders SET refunded_amount = $2, updated_at = now(),
                                      status = CASE WHEN $2 >= total THEN 'refunded' ELSE 'partially_refunded' END
                    WHERE id = $1 AND refunded_amount < $2 AND status IN ('paid', 'partially_refunded')
                    """, connection, transaction);
                command.Parameters.AddRange(new NpgsqlParameter[] { Db.Value(orderId), Db.Value(target) });
                if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
                {
                    return false;
                }

                await AuditLog.WriteAsync(connection, transaction, actorId, "order.refunded", "order", orderId,
                    new { refundedAmount = target, reason }, cancellationToken);
                await OutboxStore.EnqueueAsync(connection, transaction, OutboxKinds.RefundIssued, orderId, cancellationToken);
                return true;
            },
            cancellationToken);

    /// <summary>
    /// An order whose payment came in but whose seats were gone: it never issued tickets and its whole payment went
    /// back (pending/failed → refunded). False when it had already moved on.
    /// </summary>
    public Task<bool> RecordAutomaticRefundAsync(Guid orderId, string? paymentReference, string reason, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (connection, transaction) =>
            {
                await using var command = new NpgsqlCommand("""
                    UPDATE orders SET status = 'refunded', refunded_amount = total, updated_at = now(),
                                      payment_reference = coalesce(payment_reference, $2)
                    WHERE id = $1 AND status IN ('pending_payment', 'failed')
                    """, connection, transaction);
                command.Parameters.AddRange(new NpgsqlParameter[] { Db.Value(orderId), Db.Nullable(paymentReference) });
                if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
                {
                    return false;
                }

                await AuditLog.WriteAsync(connection, transaction, null, "order.refunded_automatically", "order", orderId,
                    new { reason }, cancellationToken);
                await OutboxStore.EnqueueAsync(connection, transaction, OutboxKinds.RefundIssued, orderId, cancellationToken);
                return true;
            },
            cancellationToken);

    /// <summary>
    /// An order given up before it was paid: pending/failed → cancelled, with an audit row naming who cancelled it and
    /// the status it left. False when it was not awaiting payment any more (paid meanwhile, or cancelled before).
    /// </summary>
    public Task<bool> MarkCancelledAsync(Guid orderId, Guid? actorId, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (connection, transaction) =>
            {
                await using var command = new NpgsqlCommand("""
                    UPDATE orders AS o SET status = 'cancelled', updated_at = now()
                    FROM (SELECT id, status FROM orders WHERE id = $1 FOR UPDATE) AS before
                    WHERE o.id = before.id AND before.status IN ('pending_payment', 'failed')
                    RETURNING before.status
                    """, connection, transaction);
                command.Parameters.Add(Db.Value(orderId));
                if (await command.ExecuteScalarAsync(cancellationToken) is not string previous)
                {
                    return false;
                }

                await AuditLog.WriteAsync(connection, transaction, actorId, "order.cancelled", "order", orderId,
                    new { from = previous, to = OrderStatusNames.Cancelled }, cancellationToken);
                return true;
            },
            cancellationToken);

    /// <summary>
    /// A payment that succeeded after its order was cancelled (it could no longer be stopped at the provider):
    /// cancelled → pending payment again, audited, so the late-payment rule settles it (tickets while seats remain,
    /// else an automatic refund). False when the order was not cancelled.
    /// </summary>
    public Task<bool> ReopenForLatePaymentAsync(Guid orderId, string? paymentReference, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (connection, transaction) =>
            {
                await using var command = new NpgsqlCommand(
                    "UPDATE orders SET status = 'pending_payment', updated_at = now() WHERE id = $1 AND status = 'cancelled'",
                    connection,
                    transaction);
                command.Parameters.Add(Db.Value(orderId));
                if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
                {
                    return false;
                }

                await AuditLog.WriteAsync(connection, transaction, null, "order.paid_after_cancel", "order", orderId,
                    new { from = OrderStatusNames.Cancelled, to = OrderStatusNames.PendingPayment, paymentReference }, cancellationToken);
                return true;
            },
            cancellationToken);

    /// <summary>Flags a disputed order and writes the dispute to audit_logs, inside the caller's transaction.</summary>
    public static async Task FlagDisputeAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        Guid orderId,
        string? disputeId,
        string? reason,
        long? amount,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE orders SET disputed_at = now(), dispute_reason = $2, updated_at = now() WHERE id = $1", connection, transaction);
        command.Parameters.AddRange(new NpgsqlParameter[] { Db.Value(orderId), Db.Nullable(reason) });
        await command.ExecuteNonQueryAsync(cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, null, "order.dispute_created", "order", orderId,
            new { disputeId, reason, amount }, cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> in one transaction, committed when it returns.</summary>
    public async Task<T> InTransactionAsync<T>(
        Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private async Task<OrderRecord?> FindOneAsync(string where, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = dataSource.CreateCommand(OrderReader.Select + where);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var orders = await OrderReader.ReadAllAsync(reader, cancellationToken);
        return orders.Count == 0 ? null : orders[0];
    }
}
