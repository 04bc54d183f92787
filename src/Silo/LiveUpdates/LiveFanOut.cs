using Fashionistas.Grains.Publishing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.LiveUpdates;

/// <summary>
/// Sends what <see cref="ClusterLivePublisher"/> collected to every other web node of the cluster, one batch per
/// <see cref="LiveFanOutOptions.Interval"/>, through their observers (one-way calls: a slow node holds up nobody). The
/// node list comes from <see cref="ILiveNodeRegistryGrain"/>, re-read at most every <see cref="LiveFanOutOptions.NodeListRefresh"/> while there are changes to send.
/// </summary>
public sealed partial class LiveFanOut(
    ClusterLivePublisher publisher,
    LocalLiveNode node,
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    IOptions<LiveFanOutOptions> options,
    ILogger<LiveFanOut> logger) : BackgroundService
{
    private LiveNode[] _others = [];
    private DateTimeOffset _nodesReadAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await LiveNodeRegistration.HostStartedAsync(lifetime, stoppingToken))
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var batch = publisher.TakeBatch();
                if (batch.IsEmpty)
                {
                    continue;
                }

                await RefreshNodesAsync();

                foreach (var other in _others)
                {
                    Send(other, batch);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the other nodes' clients re-read the counters when they reconnect.
        }
    }

    private void Send(LiveNode other, LiveUpdateBatch batch)
    {
        try
        {
            // One-way: the call is queued for the node and never awaited for an answer.
            _ = other.Observer.DeliverAsync(batch);
        }
        catch (Exception exception)
        {
            LogSendFailed(exception, other.NodeId);
        }
    }

    private async Task RefreshNodesAsync()
    {
        var now = time.GetUtcNow();
        // Read only when there is something to send, but often enough that a node which just joined misses little.
        if (now - _nodesReadAt < options.Value.NodeListRefresh)
        {
            return;
        }

        _nodesReadAt = now;
        try
        {
            var nodes = await grains.GetGrain<ILiveNodeRegistryGrain>(0).NodesAsync();
            _others = [.. nodes.Where(n => n.NodeId != node.Id)];
        }
        catch (Exception exception)
        {
            // Keep sending to the nodes known so far; the registry is asked again at the next interval.
            LogRegistryUnavailable(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live updates could not be sent to node {NodeId}")]
    private partial void LogSendFailed(Exception exception, Guid nodeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live-update node registry could not be read")]
    private partial void LogRegistryUnavailable(Exception exception);
}
