using System.Collections.Concurrent;
using Fashionistas.Grains.Contracts;

namespace Fashionistas.Web.Live;

/// <summary>
/// The newest known counters per ticket type (grouped by event) and check-ins per event: what a joining client or a
/// dashboard is shown. Fed by every commit and by the hub's reads from the grains; the newest snapshot wins.
/// </summary>
public sealed class LiveCounters
{
    private readonly ConcurrentDictionary<Guid, AvailabilitySnapshot> _latest = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, byte>> _ticketTypesByEvent = new();
    private readonly ConcurrentDictionary<Guid, CheckInCount> _checkIns = new();

    /// <summary>Keeps <paramref name="snapshot"/> unless a newer one is known; returns the one kept.</summary>
    public AvailabilitySnapshot Offer(AvailabilitySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var kept = _latest.AddOrUpdate(
            snapshot.TicketTypeId,
            static (_, offered) => offered,
            static (_, current, offered) => offered.At >= current.At ? offered : current,
            snapshot);
        _ticketTypesByEvent.GetOrAdd(snapshot.EventId, static _ => new ConcurrentDictionary<Guid, byte>())
            .TryAdd(snapshot.TicketTypeId, 0);
        return kept;
    }

    public AvailabilitySnapshot? Find(Guid ticketTypeId) => _latest.GetValueOrDefault(ticketTypeId);

    /// <summary>The known ticket types of an event, in a stable order.</summary>
    public IReadOnlyList<AvailabilitySnapshot> ForEvent(Guid eventId) =>
        _ticketTypesByEvent.TryGetValue(eventId, out var ids)
            ? [.. ids.Keys.Select(Find).OfType<AvailabilitySnapshot>().OrderBy(s => s.TicketTypeId)]
            : [];

    public void SetCheckIns(Guid eventId, CheckInCount count) => _checkIns[eventId] = count;

    public CheckInCount? CheckIns(Guid eventId) => _checkIns.GetValueOrDefault(eventId);
}
