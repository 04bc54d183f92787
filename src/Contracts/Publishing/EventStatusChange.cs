using Fashionistas.Grains.Contracts;
using Orleans;

namespace Fashionistas.Grains.Publishing;

/// <summary>An event reached <see cref="Status"/> (committed).</summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.EventStatusChange")]
public sealed record EventStatusChange([property: Id(0)] Guid EventId, [property: Id(1)] EventStatus Status);
