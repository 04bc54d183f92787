namespace Fashionistas.Silo.Industry;

/// <summary>
/// A model's invitation to walk in an event's show, with the call time (UTC); <see cref="Status"/> is one of
/// <see cref="CastingStatuses"/>. Only accepted castings are in the lineup.
/// </summary>
public sealed record Casting(
    Guid EventId, string EventName, string Venue, DateTime StartsAt, Guid ModelId, string DisplayName, string Status,
    DateTime? CallTime, string? Note);
