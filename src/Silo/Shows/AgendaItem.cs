namespace Fashionistas.Silo.Shows;

/// <summary>
/// One thing on a person's agenda (instants in UTC). <see cref="Kind"/> is a <see cref="BackstageKinds"/> value, or
/// <c>show</c> (the event itself) or <c>look</c> (their place in the running order); <see cref="Key"/> is stable across reads.
/// </summary>
public sealed record AgendaItem(
    string Key, Guid EventId, string EventName, string Venue, string Kind, string Title, DateTime StartsAt, DateTime? EndsAt, string? Location);
