namespace Fashionistas.Web.Api.Contracts;

/// <summary>An event with its tiers.</summary>
public sealed record EventResponse(
    Guid Id,
    Guid OrganizerId,
    string Name,
    string Description,
    string Venue,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int Capacity,
    string Status,
    IReadOnlyList<TicketTypeResponse> TicketTypes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
