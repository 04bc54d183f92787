using System.Collections.Concurrent;

namespace Fashionistas.Web.Live;

/// <summary>The waiting rooms somebody on this node watches, and by which connections.</summary>
public sealed class QueueWatchers
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, byte>> _byEvent = new();

    public IEnumerable<Guid> Events => _byEvent.Where(e => !e.Value.IsEmpty).Select(e => e.Key);

    public void Add(Guid eventId, string connectionId) =>
        _byEvent.GetOrAdd(eventId, _ => new ConcurrentDictionary<string, byte>())[connectionId] = 0;

    public void Remove(Guid eventId, string connectionId)
    {
        if (_byEvent.TryGetValue(eventId, out var connections))
        {
            connections.TryRemove(connectionId, out _);
        }
    }

    public void RemoveConnection(string connectionId)
    {
        foreach (var connections in _byEvent.Values)
        {
            connections.TryRemove(connectionId, out _);
        }
    }
}
