using Orleans;

namespace Fashionistas.Grains.Publishing;

/// <summary>An event has <see cref="Count"/> check-ins in total (committed).</summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.CheckInsChange")]
public sealed record CheckInsChange([property: Id(0)] Guid EventId, [property: Id(1)] int Count);
