using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Tickets;

/// <summary>
/// Where an order's confirmation and later attendee changes meet. The confirmation, when it is composed, writes the names
/// given at checkout on the tickets and records that it read them (<c>order_confirmation_reads</c>); a change by the
/// owner sends an updated ticket only for orders whose confirmation read the names already. Both take the order's
/// transaction-scoped advisory lock first, so every change is either in the confirmation or in an update, never lost
/// between them.
/// </summary>
public static class OrderAttendees
{
    // Two-key advisory locks (a key space apart from the one-key locks used elsewhere): (class, first bytes of the id).
    private const int OrderLockClass = 80;
    private const int OwnerLockClass = 81;

    /// <summary>Takes the advisory locks of <paramref name="orderIds"/> in one fixed order (no deadlock between two takers).</summary>
    public static Task LockOrdersAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<Guid> orderIds, CancellationToken cancellationToken) =>
        LockAsync(connection, transaction, OrderLockClass, orderIds, cancellationToken);

    /// <summary>Serializes one owner's changes, so two at once still merge into one waiting message.</summary>
    public static Task LockOwnerAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid ownerId, CancellationToken cancellationToken) =>
        LockAsync(connection, transaction, OwnerLockClass, [ownerId], cancellationToken);

    /// <summary>
    /// Writes the attendees given at a group's checkout on its issued tickets, in order within each tier; a ticket that
    /// has a name already (a retry, or its owner named it) keeps it. Idempotent.
    /// </summary>
    public static async Task ApplyCheckoutNamesAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid groupId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            WITH a AS (
                SELECT (x.e->>'ticketTypeId')::uuid AS ticket_type_id, x.e->>'name' AS name, x.e->>'document' AS document,
                       row_number() OVER (PARTITION BY x.e->>'ticketTypeId' ORDER BY x.ord) AS n
                FROM hold_groups g, jsonb_array_elements(g.attendees) WITH ORDINALITY AS x(e, ord)
                WHERE g.id = $1 AND g.attendees IS NOT NULL
            ), t AS (
                SELECT t.id, t.ticket_type_id, row_number() OVER (PARTITION BY t.ticket_type_id ORDER BY t.id) AS n
                FROM tickets t JOIN orders o ON o.id = t.order_id
                WHERE o.order_group_id = $1 AND t.transferred_from IS NULL
            )
            UPDATE tickets SET attendee_name = a.name, attendee_document = a.document, updated_at = now()
            FROM t JOIN a ON a.ticket_type_id = t.ticket_type_id AND a.n = t.n
            WHERE tickets.id = t.id AND tickets.attendee_name IS NULL AND tickets.status = 'valid'
            """, connection, transaction);
        command.Parameters.Add(Db.Value(groupId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records that the order's confirmation read its tickets' names (under the order's lock).</summary>
    public static async Task MarkConfirmationReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid orderId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO order_confirmation_reads (order_id) VALUES ($1) ON CONFLICT (order_id) DO UPDATE SET read_at = now()",
            connection, transaction);
        command.Parameters.Add(Db.Value(orderId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Those of <paramref name="orderIds"/> whose confirmation read the names already (under their locks).</summary>
    public static async Task<IReadOnlySet<Guid>> ConfirmedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<Guid> orderIds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT order_id FROM order_confirmation_reads WHERE order_id = ANY($1)", connection, transaction);
        command.Parameters.Add(Db.Value(orderIds.Distinct().ToArray()));
        var confirmed = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            confirmed.Add(reader.GetGuid(0));
        }

        return confirmed;
    }

    /// <summary>The document as a ticket shows it: all but its last four characters hidden.</summary>
    public static string MaskDocument(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        const int Shown = 4;
        return document.Length <= Shown ? document : new string('*', document.Length - Shown) + document[^Shown..];
    }

    private static async Task LockAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int lockClass, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        // unnest yields the keys in array order, so the locks are taken in the sorted order every taker uses.
        var keys = ids.Select(id => BitConverter.ToInt32(id.ToByteArray(), 0)).Distinct().Order().ToArray();
        if (keys.Length == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock($1, k) FROM unnest($2::int[]) AS u(k)", connection, transaction);
        command.Parameters.Add(Db.Value(lockClass));
        command.Parameters.Add(Db.Value(keys));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
