using System.Collections.Concurrent;

namespace Fashionistas.Silo.Industry;

/// <summary>
/// Sponsors' placement views counted in memory (a page read only increments a number here);
/// <see cref="PlacementViewFlusher"/> adds them to the database.
/// </summary>
public sealed class PlacementViewCounter
{
    private ConcurrentDictionary<(Guid EventId, Guid SponsorId), long> _pending = new();

    /// <summary>One view of each sponsor's placement on the event.</summary>
    public void Count(Guid eventId, IEnumerable<Guid> sponsorIds)
    {
        ArgumentNullException.ThrowIfNull(sponsorIds);
        var pending = Volatile.Read(ref _pending);
        foreach (var sponsorId in sponsorIds)
        {
            pending.AddOrUpdate((eventId, sponsorId), 1, (_, views) => views + 1);
        }
    }

    /// <summary>Everything counted since the last call, leaving the counter empty.</summary>
    public IReadOnlyDictionary<(Guid EventId, Guid SponsorId), long> TakeAll()
    {
        var taken = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<(Guid EventId, Guid SponsorId), long>());
        return taken;
    }

    /// <summary>Puts back counts a failed flush could not write, so they go with the next one.</summary>
    public void Restore(IReadOnlyDictionary<(Guid EventId, Guid SponsorId), long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var pending = Volatile.Read(ref _pending);
        foreach (var (key, views) in counts)
        {
            pending.AddOrUpdate(key, views, (_, current) => current + views);
        }
    }
}
