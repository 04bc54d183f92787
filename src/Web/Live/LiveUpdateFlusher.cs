using Fashionistas.Grains.Contracts;
using Fashionistas.Web.Live.Messages;
using Fashionistas.Web.Observability;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Fashionistas.Web.Live;

/// <summary>
/// Sends what <see cref="SignalRAvailabilityPublisher"/> collected: status changes as soon as they arrive (after the
/// event's pending availability, so clients see the seats that caused a sell-out first), availability and dashboard
/// counters once per <see cref="LiveOptions.CoalesceInterval"/>. One loop, so messages leave in a stable order.
/// </summary>
public sealed class LiveUpdateFlusher(
    SignalRAvailabilityPublisher publisher,
    LiveCounters counters,
    IHubContext<LiveHub> hub,
    TicketingMetrics metrics,
    TimeProvider time,
    IOptions<LiveOptions> options,
    ILogger<LiveUpdateFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CoalesceInterval, time);
        Task<bool>? tick = null;
        Task<bool>? statusReady = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Each wait is created once and kept until it completes, so no waiter piles up across iterations.
                tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
                statusReady ??= publisher.Statuses.WaitToReadAsync(stoppingToken).AsTask();
                if (await Task.WhenAny(tick, statusReady) == statusReady)
                {
                    statusReady = null;
                    await SendStatusesAsync(stoppingToken);
                }
                else
                {
                    tick = null;
                    await FlushAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: unsent counters are superseded by what clients read when they reconnect.
        }
    }

    private async Task SendStatusesAsync(CancellationToken cancellationToken)
    {
        while (publisher.Statuses.TryRead(out var change))
        {
            await Task.WhenAll(publisher.TakePending(change.EventId).Select(s => SendAvailabilityAsync(s, cancellationToken)));
            var message = LiveMessages.Status(change.EventId, change.Status, change.At);
            await SendAsync(LiveGroups.Event(change.EventId), LiveMessageNames.EventStatus, message, cancellationToken);
            await SendAsync(LiveGroups.Dashboard(change.EventId), LiveMessageNames.EventStatus, message, cancellationToken);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var sends = publisher.TakePending().Select(s => SendAvailabilityAsync(s, cancellationToken)).ToList();
        var now = time.GetUtcNow();
        foreach (var eventId in publisher.TakeDirtyDashboards())
        {
            var dashboard = LiveMessages.Dashboard(eventId, counters, now);
            sends.Add(SendAsync(LiveGroups.Dashboard(eventId), LiveMessageNames.Dashboard, dashboard, cancellationToken));
        }

        await Task.WhenAll(sends);
    }

    private async Task SendAvailabilityAsync(AvailabilitySnapshot snapshot, CancellationToken cancellationToken)
    {
        // A hidden tier's counters are not the public's business: dashboards get them in their own message.
        if (!snapshot.Hidden && await SendAsync(LiveGroups.Event(snapshot.EventId), LiveMessageNames.Availability, LiveMessages.Availability(snapshot), cancellationToken))
        {
            metrics.PushLatency(time.GetUtcNow() - snapshot.At);
        }
    }

    private async Task<bool> SendAsync(string group, string method, object message, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Clients.Group(group).SendAsync(method, message, cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One failed push must not stop the others: the next change supersedes it anyway.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Pushing {Method} to {Group} failed", method, group);
            return false;
        }
    }
}
