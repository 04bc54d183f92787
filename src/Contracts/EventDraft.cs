using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>The editable details of an event. <see cref="Capacity"/> is the venue's: all ticket types share it.</summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.EventDraft")]
public sealed record EventDraft(
    string Name,
    string Description,
    string Venue,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int Capacity);
