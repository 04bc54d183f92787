namespace Fashionistas.Silo.Catalog;

/// <summary>One row of the event list; <see cref="FromPrice"/> is the cheapest tier's base price in COP.</summary>
public sealed record EventSummary(
    Guid Id,
    Guid OrganizerId,
    string Name,
    string Venue,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int Capacity,
    string Status,
    long? FromPrice);
