using Fashionistas.Grains.Domain;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts;

/// <summary>A ticket tier; prices in whole Colombian pesos. <c>hidden</c>: only buyers with a code that names it see and hold it.</summary>
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
    string? Description,
    bool? Hidden = null) : IValidatable
{
    /// <summary>Most seats one buyer may be allowed per tier.</summary>
    public const int MaxPerBuyerLimit = 100;

    public Validation Validate() => new Validation()
        .Text(Name, "name", DefinitionLimits.MaxNameLength)
        .Text(Description, "description", DefinitionLimits.MaxDescriptionLength, required: false)
        .Require(Price is >= 0 and <= DefinitionLimits.MaxPrice, "price", $"price must be 0 to {DefinitionLimits.MaxPrice} COP.")
        .Require(Capacity is >= 1 and <= DefinitionLimits.MaxCapacity, "capacity", $"capacity must be between 1 and {DefinitionLimits.MaxCapacity}.")
        .Require(PerBuyerLimit is null or >= 1 and <= MaxPerBuyerLimit, "perBuyerLimit", $"perBuyerLimit must be between 1 and {MaxPerBuyerLimit}.")
        .Require(SalesStart is null || SalesEnd is null || SalesEnd > SalesStart, "salesEnd", "salesEnd must be after salesStart.")
        .Require(EarlyBirdPrice is null or >= 0 && (EarlyBirdPrice is null || EarlyBirdDeadline is not null), "earlyBirdDeadline",
            "earlyBirdPrice needs an earlyBirdDeadline (and must not be negative).")
        .Require(EarlyBirdPrice is null || Price is null || EarlyBirdPrice <= Price, "earlyBirdPrice", "earlyBirdPrice must not exceed price.")
        .Require(GroupDiscountThreshold is null or >= 2 and <= 1000, "groupDiscountThreshold", "groupDiscountThreshold must be 2 to 1000.")
        .Require(GroupDiscountPercentage is null or >= 1 and <= 100, "groupDiscountPercentage", "groupDiscountPercentage must be 1 to 100.")
        .Require((GroupDiscountThreshold is null) == (GroupDiscountPercentage is null), "groupDiscountPercentage",
            "groupDiscountThreshold and groupDiscountPercentage go together.");
}
