using Fashionistas.Grains.Contracts;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Live.Messages;
using Microsoft.AspNetCore.SignalR;

namespace Fashionistas.Web.Live;

/// <summary>
/// Live updates at <c>/hubs/live</c>. <c>JoinEvent</c> (anyone who may see the event) subscribes to
/// <c>availability</c> and <c>eventStatus</c>; <c>JoinDashboard</c> (the event's organizer or an admin) to
/// <c>dashboard</c> and <c>eventStatus</c>. Each join first sends the current state to the caller. Refusals are
/// <see cref="HubException"/>s, whose message reaches the client. <c>JoinQueue</c> (anyone who may see the event)
/// subscribes to <c>queue</c>, its waiting room's counters (<see cref="QueueBroadcaster"/>).
/// </summary>
public sealed class LiveHub(LiveSnapshots snapshots, LiveCounters counters, QueueWatchers queues, IGrainFactory grains, TimeProvider time) : Hub
{
    public async Task JoinEvent(Guid eventId)
    {
        var snapshot = await snapshots.VisibleEventAsync(eventId, Context.User!);

        // Join before reading, so a change committed in between is pushed rather than missed.
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Event(eventId));
        var availability = await snapshots.AvailabilityAsync(snapshot);
        await Clients.Caller.SendAsync(LiveMessageNames.EventStatus, LiveMessages.Status(eventId, snapshot.Status, snapshot.UpdatedAt));
        foreach (var ticketType in availability)
        {
            await Clients.Caller.SendAsync(LiveMessageNames.Availability, LiveMessages.Availability(ticketType));
        }
    }

    public Task LeaveEvent(Guid eventId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Event(eventId));

    public async Task JoinDashboard(Guid eventId)
    {
        var user = Context.User;
        if (user?.Identity?.IsAuthenticated != true)
        {
            throw new HubException("Sign in to watch an event's dashboard.");
        }

        var snapshot = await snapshots.VisibleEventAsync(eventId, user);
        if (!user.CanManage(snapshot.OrganizerId))
        {
            throw new HubException("You do not manage this event.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Dashboard(eventId));

        // Reading every ticket type also seeds the counters the dashboard pushes are built from.
        await snapshots.AvailabilityAsync(snapshot);
        await Clients.Caller.SendAsync(LiveMessageNames.EventStatus, LiveMessages.Status(eventId, snapshot.Status, snapshot.UpdatedAt));
        await Clients.Caller.SendAsync(LiveMessageNames.Dashboard, LiveMessages.Dashboard(eventId, counters, time.GetUtcNow()));
    }

    public Task LeaveDashboard(Guid eventId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Dashboard(eventId));

    public async Task JoinQueue(Guid eventId)
    {
        await snapshots.VisibleEventAsync(eventId, Context.User!);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Queue(eventId));
        queues.Add(eventId, Context.ConnectionId);
        var room = await grains.GetGrain<IWaitingRoomGrain>(eventId).GetView();
        await Clients.Caller.SendAsync(LiveMessageNames.Queue, QueueBroadcaster.Message(room));
    }

    public Task LeaveQueue(Guid eventId)
    {
        queues.Remove(eventId, Context.ConnectionId);
        return Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Queue(eventId));
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        queues.RemoveConnection(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
