using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Web.Api.Contracts;

namespace Fashionistas.Web.Api;

/// <summary>Between the wire shapes and the grain contracts (requests validate themselves first).</summary>
internal static class EventMapping
{
    public static EventResponse ToResponse(EventSnapshot e) => new(
        e.Id, e.OrganizerId, e.Details.Name, e.Details.Description, e.Details.Venue, e.Details.StartsAt, e.Details.EndsAt,
        e.Details.Capacity, e.Status.ToStorageName(), [.. e.TicketTypes.Select(ToResponse)], e.CreatedAt, e.UpdatedAt);

    public static TicketTypeResponse ToResponse(TicketTypeSnapshot t)
    {
        var d = t.Definition;
        return new(t.Id, t.EventId, d.Name, d.Description, d.Price, d.Capacity, d.PerBuyerLimit, d.SalesStart, d.SalesEnd,
            d.EarlyBirdPrice, d.EarlyBirdDeadline, d.GroupDiscountThreshold, d.GroupDiscountPercentage, d.Hidden);
    }

    public static EventDraft ToDraft(EventRequest r) =>
        new(r.Name!.Trim(), r.Description?.Trim() ?? string.Empty, r.Venue!.Trim(), r.StartsAt!.Value, r.EndsAt!.Value, r.Capacity!.Value);

    /// <summary>Default per-buyer limit when the organizer sets none.</summary>
    public const int DefaultPerBuyerLimit = 10;

    public static TicketTypeDefinition ToDefinition(TicketTypeRequest r) => new(
        r.Name!.Trim(), r.Description?.Trim() ?? string.Empty, r.Price!.Value, r.Capacity!.Value, r.PerBuyerLimit ?? DefaultPerBuyerLimit,
        r.SalesStart, r.SalesEnd, r.EarlyBirdPrice, r.EarlyBirdDeadline, r.GroupDiscountThreshold, r.GroupDiscountPercentage,
        r.Hidden ?? false);
}
