namespace Fashionistas.LoadTests.Scenarios;

/// <summary>
/// What setup prepared: an on-sale event with one ticket type, its organizer, and the buyers; with warm-up rounds also
/// a warm-up stage (another event and ticket type, buyers of its own), else null.
/// </summary>
public sealed record FlashSaleStage(
    string RunId,
    Guid OrganizerId,
    Guid EventId,
    Guid TicketTypeId,
    int Capacity,
    int PerBuyerLimit,
    IReadOnlyList<Buyer> Buyers,
    TimeSpan SetupTime,
    FlashSaleStage? Warmup = null);
