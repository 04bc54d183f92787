using Orleans;
using Orleans.Concurrency;

namespace Fashionistas.Grains.Publishing;

/// <summary>A web node's live-update sink, reachable from every silo (an Orleans observer wrapping its SignalR hub).</summary>
[Alias("Fashionistas.ILiveUpdateObserver")]
public interface ILiveUpdateObserver : IGrainObserver
{
    /// <summary>One-way: a slow or vanished node never holds up the sender or the other nodes.</summary>
    [OneWay, Alias("Deliver")]
    Task DeliverAsync(LiveUpdateBatch batch);
}
