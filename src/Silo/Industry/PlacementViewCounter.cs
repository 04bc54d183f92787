using System.Collections.Concurrent;

namespace Fashionistas.Silo.Industry;

/// <summary>
/// Sponsors' placement views counted in memory (a page read only increments a number here);
/// <see cref="PlacementViewFlusher"/> adds them to the database. Each (event, sponsor) pair keeps one counter for the
/// life of the process, incremented and taken with atomic operations, so a view counted while a flush is taking the
/// counts lands either in that flush or in the next one, never in neither.
/// </summary>
public sealed class PlacementViewCounter
{
    private readonly ConcurrentDictionary<(Guid EventId, Guid SponsorId), Counter> _counters = new();

    /// <summary>One view of each sponsor's placement on the event.</summary>
    public void Count(Guid eventId, IEnumerable<Guid> sponsorIds)
    {
        ArgumentNullException.ThrowIfNull(sponsorIds);
        foreach (var sponsorId in sponsorIds)
        {
            Interlocked.Increment(ref _counters.GetOrAdd((eventId, sponsorId), static _ => new Counter()).Views);
        }
    }

    /// <summary>Everything counted since the last call, leaving every counter at zero.</summary>
    public IReadOnlyDictionary<(Guid EventId, Guid SponsorId), long> TakeAll()
    {
        var taken = new Dictionary<(Guid EventId, Guid SponsorId), long>();
        foreach (var (key, counter) in _counters)
        {
            if (Interlocked.Exchange(ref counter.Views, 0) is var views and > 0)
            {
                taken[key] = views;
            }
        }

        return taken;
    }

    /// <summary>Puts back counts a failed flush could not write, so they go with the next one.</summary>
    public void Restore(IReadOnlyDictionary<(Guid EventId, Guid SponsorId), long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        foreach (var (key, views) in counts)
        {
            Interlocked.Add(ref _counters.GetOrAdd(key, static _ => new Counter()).Views, views);
        }
    }

    private sealed class Counter
    {
        public long Views;
    }
}
