namespace Fashionistas.LoadTests.Scenarios;

/// <summary>What one virtual user wanted and got.</summary>
public sealed record BuyerOutcome(
    int Index,
    Guid BuyerId,
    int Wanted,
    int Held,
    Guid? HoldId,
    DateTimeOffset? HoldAcknowledgedAt,
    Guid? OrderId,
    string? OrderStatus,
    int TicketsIssued,
    IReadOnlyList<string> TicketCodes,
    int TicketsListed,
    string? Failure);
