namespace Fashionistas.Web.Live.Messages;

/// <summary>
/// An organizer's sales counters for one event; <see cref="CheckIns"/> is null until the door reports a count.
/// <see cref="At"/> is the time of the newest counter included.
/// </summary>
public sealed record DashboardMessage(
    Guid EventId,
    IReadOnlyList<DashboardTicketType> TicketTypes,
    int SoldTotal,
    int HeldTotal,
    int? CheckIns,
    DateTimeOffset At);
