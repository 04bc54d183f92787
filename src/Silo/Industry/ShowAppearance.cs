namespace Fashionistas.Silo.Industry;

/// <summary>An event a designer (with <see cref="CollectionId"/>) or a model appears in.</summary>
public sealed record ShowAppearance(
    Guid EventId, string EventName, string Venue, DateTimeOffset StartsAt, string Status, Guid? CollectionId, string? CollectionName);
