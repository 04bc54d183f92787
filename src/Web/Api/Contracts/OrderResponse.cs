namespace Fashionistas.Web.Api.Contracts;

/// <summary>An order. Money in whole pesos; disputedAt is set when the buyer opened a chargeback.</summary>
public sealed record OrderResponse(
    Guid OrderId,
    Guid HoldId,
    Guid BuyerId,
    Guid EventId,
    string EventName,
    Guid TicketTypeId,
    string TicketTypeName,
    int Quantity,
    long UnitPrice,
    long Total,
    long RefundedAmount,
    string Currency,
    string Status,
    string PaymentProvider,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? DisputedAt,
    IReadOnlyList<OrderTicketResponse> Tickets)
{
    /// <summary>The order of several tiers this is (or is a line of); null for a one-tier order.</summary>
    public Guid? GroupId { get; init; }
}
