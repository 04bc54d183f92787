using System.Collections.Concurrent;
using System.Threading.Channels;
using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Publishing;

namespace Fashionistas.Web.Live;

/// <summary>
/// Collects committed changes for the hub. Grains call it inside their turns, so it only records: the newest snapshot
/// per ticket type replaces an unsent older one (that is the coalescing), and <see cref="LiveUpdateFlusher"/> sends
/// what is pending every <see cref="LiveOptions.CoalesceInterval"/>. Status changes are queued and sent at once.
/// </summary>
public sealed class SignalRAvailabilityPublisher(LiveCounters counters, TimeProvider time) : IAvailabilityPublisher, ILiveDashboard
{
    private readonly ConcurrentDictionary<Guid, AvailabilitySnapshot> _pending = new();
    private readonly ConcurrentDictionary<Guid, byte> _dirtyDashboards = new();
    private readonly Channel<PendingStatus> _statuses = Channel.CreateUnbounded<PendingStatus>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

    /// <summary>Status changes in commit order; rare, so the queue needs no bound.</summary>
    public ChannelReader<PendingStatus> Statuses => _statuses.Reader;

    public void AvailabilityChanged(AvailabilitySnapshot snapshot)
    {
        if (snapshot is null)
        {
            return;
        }

        counters.Offer(snapshot);
        _pending[snapshot.TicketTypeId] = snapshot;
        _dirtyDashboards.TryAdd(snapshot.EventId, 0);
    }

    public void EventStatusChanged(Guid eventId, EventStatus status) =>
        _statuses.Writer.TryWrite(new PendingStatus(eventId, status, time.GetUtcNow()));

    public void CheckInsChanged(Guid eventId, int count)
    {
        counters.SetCheckIns(eventId, new CheckInCount(count, time.GetUtcNow()));
        _dirtyDashboards.TryAdd(eventId, 0);
    }

    /// <summary>Removes and returns the unsent snapshots (of one event, or of all when <paramref name="eventId"/> is null).</summary>
    public IReadOnlyList<AvailabilitySnapshot> TakePending(Guid? eventId = null)
    {
        var taken = new List<AvailabilitySnapshot>();
        foreach (var (ticketTypeId, snapshot) in _pending)
        {
            // TryRemove hands back the value current at removal, so a snapshot written meanwhile is never lost.
            if ((eventId is null || snapshot.EventId == eventId) && _pending.TryRemove(ticketTypeId, out var newest))
            {
                taken.Add(newest);
            }
        }

        return taken;
    }

    /// <summary>Removes and returns the events whose dashboard counters changed since the last call.</summary>
    public IReadOnlyList<Guid> TakeDirtyDashboards()
    {
        var taken = new List<Guid>();
        foreach (var eventId in _dirtyDashboards.Keys)
        {
            if (_dirtyDashboards.TryRemove(eventId, out _))
            {
                taken.Add(eventId);
            }
        }

        return taken;
    }
}
