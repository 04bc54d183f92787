using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>The seat counters of one ticket type at <see cref="At"/>; Available = Capacity - Held - Sold.</summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.AvailabilitySnapshot")]
public sealed record AvailabilitySnapshot(
    Guid TicketTypeId,
    Guid EventId,
    int Capacity,
    int Available,
    int Held,
    int Sold,
    DateTimeOffset At);
