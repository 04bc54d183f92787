namespace Fashionistas.Silo.Checkout;

/// <summary>An orders row with the names people see. Money in whole pesos; <see cref="Status"/> is the orders.status name.</summary>
public sealed record OrderRecord(
    Guid Id,
    Guid HoldId,
    Guid BuyerId,
    Guid EventId,
    Guid OrganizerId,
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
    string? PaymentReference,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? DisputedAt,
    string? DisputeReason)
{
    /// <summary>The order of several tiers this row is a line of (the hold group's id); null for a one-tier order.</summary>
    public Guid? GroupId { get; init; }
}
