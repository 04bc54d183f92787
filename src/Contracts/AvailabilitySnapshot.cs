using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>
/// The seat counters of one ticket type at <see cref="At"/>; Available = Capacity - Held - Sold. <see cref="Hidden"/>: the tier
/// is not shown to the public (its counters go to dashboards only).
/// </summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.AvailabilitySnapshot")]
public sealed record AvailabilitySnapshot(
    Guid TicketTypeId,
    Guid EventId,
    int Capacity,
    int Available,
    int Held,
    int Sold,
    DateTimeOffset At,
    bool Hidden = false);
