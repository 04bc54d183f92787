using Fashionistas.Grains.Contracts;
using Fashionistas.Web.Live.Messages;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Fashionistas.Web.Live;

/// <summary>
/// Pushes each watched waiting room's counters to its group on this node when they change, reading the room grain
/// every <see cref="LiveOptions.QueueInterval"/>. Reading (rather than being told) works the same on every node of a
/// cluster and costs one grain call per watched room per interval, however many people watch it.
/// </summary>
public sealed partial class QueueBroadcaster(
    QueueWatchers watchers,
    IGrainFactory grains,
    IHubContext<LiveHub> hub,
    TimeProvider time,
    IOptions<LiveOptions> options,
    ILogger<QueueBroadcaster> logger) : BackgroundService
{
    private readonly Dictionary<Guid, QueueMessage> _sent = [];

    public static QueueMessage Message(WaitingRoomView room)
    {
        ArgumentNullException.ThrowIfNull(room);
        return new QueueMessage(room.EventId, room.Enabled, room.Opened, room.Paused, room.Placed, room.Early, room.AdmittedThrough,
            Math.Round(room.MeasuredPerMinute, 2), room.At);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.QueueInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var eventId in watchers.Events.ToList())
                {
                    await PushAsync(eventId, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: pages reconnect to another node and read the room again.
        }
    }

    private async Task PushAsync(Guid eventId, CancellationToken cancellationToken)
    {
        try
        {
            var message = Message(await grains.GetGrain<IWaitingRoomGrain>(eventId).GetView());
            if (_sent.TryGetValue(eventId, out var last) && last with { At = message.At, AdmissionPerMinute = message.AdmissionPerMinute } == message)
            {
                return;
            }

            _sent[eventId] = message;
            await hub.Clients.Group(LiveGroups.Queue(eventId)).SendAsync(LiveMessageNames.Queue, message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPushFailed(ex, eventId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The waiting room of event {EventId} could not be pushed")]
    private partial void LogPushFailed(Exception exception, Guid eventId);
}
