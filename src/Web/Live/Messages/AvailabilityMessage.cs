namespace Fashionistas.Web.Live.Messages;

/// <summary>The committed seat counters of one ticket type at <see cref="At"/> (commit time).</summary>
public sealed record AvailabilityMessage(
    Guid TicketTypeId,
    Guid EventId,
    int Available,
    int Held,
    int Sold,
    int Capacity,
    DateTimeOffset At);
