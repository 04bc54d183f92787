namespace Fashionistas.Web.Api.Contracts;

/// <summary>A ticket tier; prices in whole Colombian pesos.</summary>
public sealed record TicketTypeRequest(
    string? Name,
    long? Price,
    int? Capacity,
    DateTimeOffset? SalesStart,
    DateTimeOffset? SalesEnd,
    int? PerBuyerLimit,
    long? EarlyBirdPrice,
    DateTimeOffset? EarlyBirdDeadline,
    int? GroupDiscountThreshold,
    int? GroupDiscountPercentage,
    string? Description);
