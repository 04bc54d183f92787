using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api;

/// <summary>Between the wire shapes and the grain contracts; required fields are checked here, rules in the grains.</summary>
internal static class EventMapping
{
    public static EventResponse ToResponse(EventSnapshot e) => new(
        e.Id, e.OrganizerId, e.Details.Name, e.Details.Description, e.Details.Venue, e.Details.StartsAt, e.Details.EndsAt,
        e.Details.Capacity, e.Status.ToStorageName(), [.. e.TicketTypes.Select(ToResponse)], e.CreatedAt, e.UpdatedAt);

    public static TicketTypeResponse ToResponse(TicketTypeSnapshot t)
    {
        var d = t.Definition;
        return new(t.Id, t.EventId, d.Name, d.Description, d.Price, d.Capacity, d.PerBuyerLimit, d.SalesStart, d.SalesEnd,
            d.EarlyBirdPrice, d.EarlyBirdDeadline, d.GroupDiscountThreshold, d.GroupDiscountPercentage);
    }

    public static Validation Check(EventRequest r) => new Validation()
        .Text(r.Name, "name", DefinitionLimits.MaxNameLength)
        .Text(r.Venue, "venue", DefinitionLimits.MaxNameLength)
        .Text(r.Description, "description", DefinitionLimits.MaxDescriptionLength, required: false)
        .Require(r.StartsAt is not null, "startsAt", "startsAt is required.")
        .Require(r.EndsAt is not null, "endsAt", "endsAt is required.")
        .Require(r.StartsAt is null || r.EndsAt is null || r.EndsAt > r.StartsAt, "endsAt", "endsAt must be after startsAt.")
        .Require(r.Capacity is >= 1 and <= DefinitionLimits.MaxCapacity, "capacity", $"capacity must be between 1 and {DefinitionLimits.MaxCapacity}.");

    public static EventDraft ToDraft(EventRequest r) =>
        new(r.Name!.Trim(), r.Description?.Trim() ?? string.Empty, r.Venue!.Trim(), r.StartsAt!.Value, r.EndsAt!.Value, r.Capacity!.Value);

    public static Validation Check(TicketTypeRequest r) => new Validation()
        .Text(r.Name, "name", DefinitionLimits.MaxNameLength)
        .Text(r.Description, "description", DefinitionLimits.MaxDescriptionLength, required: false)
        .Require(r.Price is >= 0 and <= DefinitionLimits.MaxPrice, "price", $"price must be 0 to {DefinitionLimits.MaxPrice} COP.")
        .Require(r.Capacity is >= 1 and <= DefinitionLimits.MaxCapacity, "capacity", $"capacity must be between 1 and {DefinitionLimits.MaxCapacity}.")
        .Require(r.PerBuyerLimit is null or >= 1 and <= 100, "perBuyerLimit", "perBuyerLimit must be between 1 and 100.")
        .Require(r.SalesStart is null || r.SalesEnd is null || r.SalesEnd > r.SalesStart, "salesEnd", "salesEnd must be after salesStart.")
        .Require(r.EarlyBirdPrice is null or >= 0 && (r.EarlyBirdPrice is null || r.EarlyBirdDeadline is not null), "earlyBirdDeadline",
            "earlyBirdPrice needs an earlyBirdDeadline (and must not be negative).")
        .Require(r.EarlyBirdPrice is null || r.Price is null || r.EarlyBirdPrice <= r.Price, "earlyBirdPrice", "earlyBirdPrice must not exceed price.")
        .Require(r.GroupDiscountThreshold is null or >= 2 and <= 1000, "groupDiscountThreshold", "groupDiscountThreshold must be 2 to 1000.")
        .Require(r.GroupDiscountPercentage is null or >= 1 and <= 100, "groupDiscountPercentage", "groupDiscountPercentage must be 1 to 100.")
        .Require((r.GroupDiscountThreshold is null) == (r.GroupDiscountPercentage is null), "groupDiscountPercentage",
            "groupDiscountThreshold and groupDiscountPercentage go together.");

    /// <summary>Default per-buyer limit when the organizer sets none.</summary>
    public const int DefaultPerBuyerLimit = 10;

    public static TicketTypeDefinition ToDefinition(TicketTypeRequest r) => new(
        r.Name!.Trim(), r.Description?.Trim() ?? string.Empty, r.Price!.Value, r.Capacity!.Value, r.PerBuyerLimit ?? DefaultPerBuyerLimit,
        r.SalesStart, r.SalesEnd, r.EarlyBirdPrice, r.EarlyBirdDeadline, r.GroupDiscountThreshold, r.GroupDiscountPercentage);
}
