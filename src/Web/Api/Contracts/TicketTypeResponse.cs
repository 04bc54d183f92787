namespace Fashionistas.Web.Api.Contracts;

/// <summary>A ticket tier as defined; <c>hidden</c> tiers are shown only to their organizer and to buyers with a code.</summary>
public sealed record TicketTypeResponse(
    Guid Id,
    Guid EventId,
    string Name,
    string Description,
    long Price,
    int Capacity,
    int PerBuyerLimit,
    DateTimeOffset? SalesStart,
    DateTimeOffset? SalesEnd,
    long? EarlyBirdPrice,
    DateTimeOffset? EarlyBirdDeadline,
    int? GroupDiscountThreshold,
    int? GroupDiscountPercentage,
    bool Hidden);
