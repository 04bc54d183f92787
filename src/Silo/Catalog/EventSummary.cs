namespace Fashionistas.Silo.Catalog;

/// <summary>One row of the event list; <see cref="FromPrice"/> is the cheapest tier's current price in COP (its early-bird price until the
/// deadline, by the database clock; the grain prices each hold itself).</summary>
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
