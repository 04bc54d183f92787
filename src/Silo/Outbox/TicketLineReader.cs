using Dapper;
using Fashionistas.Silo.Messaging.Documents;
using Fashionistas.Silo.Tickets;
using Npgsql;

namespace Fashionistas.Silo.Outbox;

/// <summary>Tickets as their messages show them, read when the message is composed (so the names are the current ones).</summary>
internal static class TicketLineReader
{
    private const string Select = """
        SELECT t.order_id AS OrderId, t.code AS Code, tt.name AS TicketTypeName, t.attendee_name AS AttendeeName,
               CASE WHEN e.attendee_document_required THEN t.attendee_document END AS Document
        FROM tickets t
        JOIN ticket_types tt ON tt.id = t.ticket_type_id
        JOIN events e ON e.id = t.event_id
        """;

    /// <summary>The buyer's own valid tickets of the order: a ticket already given away is the recipient's to show.</summary>
    public static Task<IReadOnlyList<(Guid OrderId, TicketLine Line)>> OfOrderAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid orderId, CancellationToken cancellationToken) =>
        ReadAsync(connection, new CommandDefinition(Select + """
             JOIN orders o ON o.id = t.order_id
             WHERE t.order_id = @orderId AND t.status = 'valid' AND t.owner_id = o.buyer_id
             ORDER BY t.created_at, t.code
            """, new { orderId }, transaction, cancellationToken: cancellationToken));

    /// <summary>Those of <paramref name="ticketIds"/> that <paramref name="ownerId"/> still holds, valid and not yet scanned.</summary>
    public static Task<IReadOnlyList<(Guid OrderId, TicketLine Line)>> OfOwnerAsync(
        NpgsqlConnection connection, Guid ownerId, IReadOnlyList<Guid> ticketIds, CancellationToken cancellationToken) =>
        ReadAsync(connection, new CommandDefinition(Select + """
             WHERE t.id = ANY(@ticketIds) AND t.owner_id = @ownerId AND t.status = 'valid'
               AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.ticket_id = t.id)
             ORDER BY t.order_id, t.created_at, t.code
            """, new { ownerId, ticketIds = ticketIds.ToArray() }, cancellationToken: cancellationToken));

    private static async Task<IReadOnlyList<(Guid OrderId, TicketLine Line)>> ReadAsync(NpgsqlConnection connection, CommandDefinition query)
    {
        var rows = await connection.QueryAsync<Row>(query);
        return [.. rows.Select(r => (r.OrderId, new TicketLine(
            r.Code, r.TicketTypeName, r.AttendeeName, r.Document is null ? null : OrderAttendees.MaskDocument(r.Document))))];
    }

    private sealed record Row(Guid OrderId, string Code, string TicketTypeName, string? AttendeeName, string? Document);
}
