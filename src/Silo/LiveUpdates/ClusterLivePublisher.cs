using System.Collections.Concurrent;
using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Publishing;

namespace Fashionistas.Silo.LiveUpdates;

/// <summary>
/// What grains (and check-ins) on this node tell the world: handed at once to this node's own sink, and collected for
/// the other web nodes, which <see cref="LiveFanOut"/> sends every <see cref="LiveFanOutOptions.Interval"/>. Called
/// inside grain turns, so it only records: the newest counters per ticket type replace unsent older ones.
/// </summary>
public sealed class ClusterLivePublisher(LocalLiveNode node) : IAvailabilityPublisher, ILiveDashboard
{
    private readonly ConcurrentDictionary<Guid, AvailabilitySnapshot> _availability = new();
    private readonly ConcurrentQueue<EventStatusChange> _statuses = new();
    private readonly ConcurrentDictionary<Guid, int> _checkIns = new();

    public void AvailabilityChanged(AvailabilitySnapshot snapshot)
    {
        if (snapshot is null)
        {
            return;
        }

        node.Sink?.Availability.AvailabilityChanged(snapshot);
        _availability.AddOrUpdate(snapshot.TicketTypeId, snapshot, (_, older) => older.At > snapshot.At ? older : snapshot);
    }

    public void EventStatusChanged(Guid eventId, EventStatus status)
    {
        node.Sink?.Availability.EventStatusChanged(eventId, status);
        _statuses.Enqueue(new EventStatusChange(eventId, status));
    }

    public void CheckInsChanged(Guid eventId, int count)
    {
        node.Sink?.Dashboard.CheckInsChanged(eventId, count);
        _checkIns[eventId] = count;
    }

    /// <summary>Removes and returns everything collected since the last call.</summary>
    public LiveUpdateBatch TakeBatch()
    {
        var statuses = new List<EventStatusChange>();
        while (_statuses.TryDequeue(out var status))
        {
            statuses.Add(status);
        }

        return new LiveUpdateBatch(Drain(_availability), [.. statuses], DrainCheckIns(_checkIns));
    }

    private static TValue[] Drain<TValue>(ConcurrentDictionary<Guid, TValue> pending)
    {
        var taken = new List<TValue>();
        foreach (var key in pending.Keys)
        {
            // TryRemove hands back the value current at removal, so a change written meanwhile is never lost.
            if (pending.TryRemove(key, out var newest))
            {
                taken.Add(newest);
            }
        }

        return [.. taken];
    }

    private static CheckInsChange[] DrainCheckIns(ConcurrentDictionary<Guid, int> pending)
    {
        var taken = new List<CheckInsChange>();
        foreach (var eventId in pending.Keys)
        {
            if (pending.TryRemove(eventId, out var count))
            {
                taken.Add(new CheckInsChange(eventId, count));
            }
        }

        return [.. taken];
    }
}
