using System.Security.Claims;
using Fashionistas.Grains.Contracts;
using Orleans;
using Fashionistas.Web.Auth;
using Microsoft.AspNetCore.SignalR;

namespace Fashionistas.Web.Live;

/// <summary>What a client joining the hub is shown first: read from the grains, newest known counters preferred.</summary>
public sealed class LiveSnapshots(IGrainFactory grains, LiveCounters counters, ILogger<LiveSnapshots> logger)
{
    /// <summary>The event as <paramref name="user"/> may see it; a <see cref="HubException"/> when not.</summary>
    public async Task<EventSnapshot> VisibleEventAsync(Guid eventId, ClaimsPrincipal user)
    {
        EventSnapshot? snapshot;
        try
        {
            snapshot = await grains.GetGrain<IEventGrain>(eventId).Get();
        }
        catch (Exception ex) when (ex is GrainBusyException or GrainUnavailableException)
        {
            throw new HubException("The event is busy; try again in a moment.");
        }

        return snapshot is not null && user.CanSee(snapshot) ? snapshot : throw new HubException("No such event.");
    }

    /// <summary>
    /// Current counters of every ticket type of the event. A busy grain is not waited for: the newest committed
    /// counters this node pushed stand in for it.
    /// </summary>
    public async Task<IReadOnlyList<AvailabilitySnapshot>> AvailabilityAsync(EventSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var read = await Task.WhenAll(snapshot.TicketTypes.Select(t => ReadAsync(t.Id)));
        return [.. read.OfType<AvailabilitySnapshot>()];
    }

    private async Task<AvailabilitySnapshot?> ReadAsync(Guid ticketTypeId)
    {
        try
        {
            var current = await grains.GetGrain<ITicketTypeGrain>(ticketTypeId).GetAvailability();
            return current is null ? null : counters.Offer(current);
        }
        catch (Exception ex) when (ex is GrainBusyException or GrainUnavailableException)
        {
            logger.LogDebug(ex, "Ticket type {TicketTypeId} is busy; showing its last pushed counters", ticketTypeId);
            return counters.Find(ticketTypeId);
        }
    }
}
