using Fashionistas.Grains.Publishing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace Fashionistas.Silo.LiveUpdates;

/// <summary>
/// The GPSTracker sample's hub list: web nodes register their observers here; senders read the list. Registrations
/// expire (<see cref="LiveFanOutOptions.NodeExpiry"/>) unless renewed, and a node whose silo the membership reports
/// dead is dropped at once, so updates go only to nodes that can take them.
/// </summary>
public sealed class LiveNodeRegistryGrain(
    IClusterMembershipService membership,
    IOptions<LiveFanOutOptions> options,
    ILogger<LiveNodeRegistryGrain> logger) : Grain, ILiveNodeRegistryGrain
{
    private readonly ObserverManager<Guid, LiveNode> _nodes = new(options.Value.NodeExpiry, logger);

    public Task RegisterAsync(LiveNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        _nodes.Subscribe(node.NodeId, node);
        return Task.CompletedTask;
    }

    public Task<LiveNode[]> NodesAsync()
    {
        _nodes.ClearExpired();
        var members = membership.CurrentSnapshot;
        var live = new List<LiveNode>();
        var dead = new List<Guid>();
        foreach (var node in _nodes.Observers.Values)
        {
            var status = node.Silo is null ? SiloStatus.Active : members.GetSiloStatus(node.Silo);
            if (status == SiloStatus.Dead)
            {
                dead.Add(node.NodeId);
            }
            else if (status == SiloStatus.Active)
            {
                live.Add(node);
            }
        }

        dead.ForEach(_nodes.Unsubscribe);
        return Task.FromResult(live.ToArray());
    }
}
