namespace Fashionistas.LoadTests.Scenarios;

/// <summary>What setup prepared: an on-sale event with one ticket type, its organizer, and the buyers.</summary>
public sealed record FlashSaleStage(
    string RunId,
    Guid OrganizerId,
    Guid EventId,
    Guid TicketTypeId,
    int Capacity,
    int PerBuyerLimit,
    IReadOnlyList<Buyer> Buyers,
    TimeSpan SetupTime);
