namespace Fashionistas.Silo.Industry;

/// <summary>
/// A designer's collection offered to an event's show; <see cref="Status"/> is one of <see cref="ApplicationStatuses"/>.
/// Only accepted collections are in the lineup.
/// </summary>
public sealed record ShowApplication(
    Guid EventId, string EventName, DateTime StartsAt, Guid CollectionId, string CollectionName, Guid DesignerId,
    string BrandName, string Status, string? Note);
