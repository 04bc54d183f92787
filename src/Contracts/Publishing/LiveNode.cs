using Orleans;
using Orleans.Runtime;

namespace Fashionistas.Grains.Publishing;

/// <summary>
/// A web node as the live-update registry knows it: its id, its observer, and the silo it co-hosts (null for a
/// silo-less node), by which the registry drops nodes whose silo left the cluster.
/// </summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.LiveNode")]
public sealed record LiveNode(
    [property: Id(0)] Guid NodeId,
    [property: Id(1)] ILiveUpdateObserver Observer,
    [property: Id(2)] SiloAddress? Silo);
