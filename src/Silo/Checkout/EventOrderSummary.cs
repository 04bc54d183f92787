namespace Fashionistas.Silo.Checkout;

/// <summary>One order as its event's organizer sees it in the dashboard's order list (amounts in COP).</summary>
public sealed record EventOrderSummary(
    Guid OrderId,
    Guid BuyerId,
    string BuyerName,
    string BuyerEmail,
    Guid TicketTypeId,
    string TicketTypeName,
    int Quantity,
    long Total,
    long RefundedAmount,
    string Status,
    int ValidTickets,
    int CheckedIn,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt);
