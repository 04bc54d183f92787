using System.Collections.Concurrent;
using System.Threading.Channels;
using Fashionistas.Grains.Contracts;

namespace Fashionistas.Silo.Waitlist;

/// <summary>
/// The in-memory side of the waitlists, on the inventory's hot path: which ticket types have anyone waiting, the
/// newest availability of each, and which changed since the last round. <see cref="Offer"/> is a dictionary lookup for
/// ticket types without waiters; it never blocks and never throws. <see cref="WaitlistNotifier"/> does the rest.
/// </summary>
public sealed class WaitlistTracker
{
    // Ticket types with waiters, each with its newest snapshot (null until one arrives after it was tracked).
    private readonly ConcurrentDictionary<Guid, AvailabilitySnapshot?> _tracked = new();
    private readonly ConcurrentDictionary<Guid, byte> _dirty = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Completes when there may be work (a changed ticket type); drained by the notifier.</summary>
    public ChannelReader<bool> Wake => _wake.Reader;

    public bool IsTracked(Guid ticketTypeId) => _tracked.ContainsKey(ticketTypeId);

    /// <summary>A committed availability change: remembered and flagged when the ticket type has waiters.</summary>
    public void Offer(AvailabilitySnapshot snapshot)
    {
        if (snapshot is null || !_tracked.TryGetValue(snapshot.TicketTypeId, out var previous))
        {
            return;
        }

        // A ticket type's snapshots come one at a time (its grain's turns); TryUpdate fails only against Untrack,
        // which must win, so the ticket type is not brought back by a late snapshot.
        if (_tracked.TryUpdate(snapshot.TicketTypeId, snapshot, previous))
        {
            MarkDirty(snapshot.TicketTypeId);
        }
    }

    /// <summary>Someone joined the ticket type's waitlist.</summary>
    public void Track(Guid ticketTypeId) => _tracked.TryAdd(ticketTypeId, null);

    /// <summary>Someone joined, and the ticket type's current availability is known.</summary>
    public void Track(AvailabilitySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _tracked[snapshot.TicketTypeId] = snapshot;
        MarkDirty(snapshot.TicketTypeId);
    }

    /// <summary>The ticket type's waitlist is empty.</summary>
    public void Untrack(Guid ticketTypeId) => _tracked.TryRemove(ticketTypeId, out _);

    /// <summary>Flags every tracked ticket type with seats available (a notification window may have lapsed).</summary>
    public void MarkAvailableDirty()
    {
        foreach (var (ticketTypeId, snapshot) in _tracked)
        {
            if (snapshot is { Available: > 0 })
            {
                MarkDirty(ticketTypeId);
            }
        }
    }

    /// <summary>Removes and returns the flagged ticket types with their newest snapshots (null when none arrived yet).</summary>
    public IReadOnlyList<(Guid TicketTypeId, AvailabilitySnapshot? Latest)> TakeDirty()
    {
        var taken = new List<(Guid, AvailabilitySnapshot?)>();
        foreach (var ticketTypeId in _dirty.Keys)
        {
            if (_dirty.TryRemove(ticketTypeId, out _))
            {
                taken.Add((ticketTypeId, _tracked.TryGetValue(ticketTypeId, out var latest) ? latest : null));
            }
        }

        return taken;
    }

    private void MarkDirty(Guid ticketTypeId)
    {
        _dirty.TryAdd(ticketTypeId, 0);
        _wake.Writer.TryWrite(true);
    }
}
