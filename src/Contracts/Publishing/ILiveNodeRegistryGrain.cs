using Orleans;

namespace Fashionistas.Grains.Publishing;

/// <summary>
/// The cluster's list of web nodes that push live updates (one activation, key 0). Nodes re-register every few seconds,
/// so the list heals by itself when the activation moves to another silo or a node disappears.
/// </summary>
[Alias("Fashionistas.ILiveNodeRegistryGrain")]
public interface ILiveNodeRegistryGrain : IGrainWithIntegerKey
{
    [Alias("Register")]
    Task RegisterAsync(LiveNode node);

    /// <summary>The nodes registered recently whose silo (if any) is active.</summary>
    [Alias("Nodes")]
    Task<LiveNode[]> NodesAsync();
}
