using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Checkout;

/// <summary>An event's orders for its organizer: who bought what, paid or not, refunded or not, newest first.</summary>
public sealed class EventOrders(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// A page of <paramref name="eventId"/>'s orders, optionally only those in <paramref name="status"/> and those whose
    /// buyer's e-mail or name contains <paramref name="search"/> (case-insensitive), with the total count.
    /// </summary>
    public async Task<(IReadOnlyList<EventOrderSummary> Items, long Total)> ListAsync(
        Guid eventId, string? status, string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        const string from = """
            FROM orders o
            JOIN users u ON u.id = o.buyer_id
            JOIN ticket_types tt ON tt.id = o.ticket_type_id
            WHERE o.event_id = @eventId
              AND (@status::text IS NULL OR o.status = @status)
              AND (@pattern::text IS NULL OR u.email ILIKE @pattern ESCAPE '\' OR u.display_name ILIKE @pattern ESCAPE '\')
            """;
        var parameters = new
        {
            eventId,
            status,
            pattern = string.IsNullOrWhiteSpace(search) ? null : $"%{LikePatterns.Escape(search.Trim())}%",
            limit = pageSize,
            offset = (page - 1) * pageSize,
        };
        var (rows, total) = await PagedQuery.ReadAsync<Row>(dataSource,
            """
            SELECT o.id AS OrderId, o.buyer_id AS BuyerId, u.display_name AS BuyerName, u.email AS BuyerEmail,
                   o.ticket_type_id AS TicketTypeId, tt.name AS TicketTypeName, o.quantity AS Quantity, o.total AS Total,
                   o.refunded_amount AS RefundedAmount, o.status AS Status,
                   (SELECT count(*) FROM tickets t WHERE t.order_id = o.id AND t.status = 'valid')::int AS ValidTickets,
                   (SELECT count(*) FROM tickets t JOIN check_ins c ON c.ticket_id = t.id WHERE t.order_id = o.id)::int AS CheckedIn,
                   o.created_at AS CreatedAt, o.paid_at AS PaidAt
            """,
            from, "o.created_at DESC, o.id DESC", parameters, cancellationToken);
        return ([.. rows.Select(r => r.ToSummary())], total);
    }

    private sealed record Row(
        Guid OrderId, Guid BuyerId, string BuyerName, string BuyerEmail, Guid TicketTypeId, string TicketTypeName,
        int Quantity, long Total, long RefundedAmount, string Status, int ValidTickets, int CheckedIn,
        DateTime CreatedAt, DateTime? PaidAt)
    {
        public EventOrderSummary ToSummary() => new(OrderId, BuyerId, BuyerName, BuyerEmail, TicketTypeId, TicketTypeName,
            Quantity, Total, RefundedAmount, Status, ValidTickets, CheckedIn, StoredTime.Utc(CreatedAt), StoredTime.Utc(PaidAt));
    }
}
