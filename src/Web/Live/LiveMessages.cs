using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Web.Live.Messages;

namespace Fashionistas.Web.Live;

/// <summary>Builds the hub's wire messages from counters.</summary>
public static class LiveMessages
{
    public static AvailabilityMessage Availability(AvailabilitySnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new AvailabilityMessage(s.TicketTypeId, s.EventId, s.Available, s.Held, s.Sold, s.Capacity, s.At);
    }

    public static EventStatusMessage Status(Guid eventId, EventStatus status, DateTimeOffset at) =>
        new(eventId, status.ToStorageName(), at);

    public static DashboardMessage Dashboard(Guid eventId, LiveCounters counters, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var ticketTypes = counters.ForEvent(eventId);
        var checkIns = counters.CheckIns(eventId);
        var at = ticketTypes.Select(t => t.At).Append(checkIns?.At ?? DateTimeOffset.MinValue).Max();
        return new DashboardMessage(
            eventId,
            [.. ticketTypes.Select(t => new DashboardTicketType(t.TicketTypeId, t.Capacity, t.Available, t.Held, t.Sold))],
            ticketTypes.Sum(t => t.Sold),
            ticketTypes.Sum(t => t.Held),
            checkIns?.Count,
            at == DateTimeOffset.MinValue ? now : at);
    }
}
