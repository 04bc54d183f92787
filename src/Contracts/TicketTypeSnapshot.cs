using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>A ticket type of an event as defined; live counters come from <see cref="ITicketTypeGrain.GetAvailability"/>.</summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.TicketTypeSnapshot")]
public sealed record TicketTypeSnapshot(Guid Id, Guid EventId, TicketTypeDefinition Definition);
