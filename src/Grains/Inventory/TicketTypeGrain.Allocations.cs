using System.Collections.Immutable;
using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Storage;

namespace Fashionistas.Grains.Inventory;

/// <summary>
/// Reserved allocations: seats of the tier set aside for a group. They leave the public pool in memory at once
/// (<see cref="TicketTypeState.Available"/>) and are committed with the counters in the same fenced batches as every hold.
/// </summary>
public sealed partial class TicketTypeGrain
{
    /// <summary>Most comp tickets one call issues.</summary>
    public const int MaxCompsPerCall = 100;

    public async Task<AllocationResult> Allocate(Guid allocationId, int quantity)
    {
        if (Usable() is null)
        {
            return AllocationResult.NotFoundResult;
        }

        if (quantity is < 0 or > DefinitionLimits.MaxCapacity)
        {
            return new AllocationResult.Refused($"An allocation sets aside 0 to {DefinitionLimits.MaxCapacity} seats.");
        }

        // Everything after this await decides on the state as it is then.
        if (await KnownAllocationAsync(allocationId) is not { } allocation)
        {
            return AllocationResult.NotFoundResult;
        }

        ExpireDue(time.GetUtcNow());
        allocation = Current(allocation);
        var used = allocation.Held + allocation.Sold;
        if (allocation.Released)
        {
            return new AllocationResult.Refused("The allocation was released to the public sale.");
        }

        if (quantity < used)
        {
            return new AllocationResult.Refused($"The allocation already uses {used} seats.");
        }

        if (quantity - allocation.Quantity > _state!.Available)
        {
            return new AllocationResult.Refused($"Only {_state.Available} seats of the public sale are left to set aside.");
        }

        var resized = allocation with { Quantity = quantity };
        _state.SetAllocation(resized);
        _pending.MarkCountersChanged();
        return await Durable<AllocationResult>(new AllocationResult.Ok(resized.ToSeats()));
    }

    public async Task<AllocationResult> ReleaseAllocation(Guid allocationId)
    {
        if (Usable() is null)
        {
            return AllocationResult.NotFoundResult;
        }

        if (await KnownAllocationAsync(allocationId) is not { } allocation)
        {
            return AllocationResult.NotFoundResult;
        }

        // Holds that expired give their seats back first, so they are released with the rest.
        ExpireDue(time.GetUtcNow());
        allocation = Current(allocation);
        var released = allocation with { Quantity = allocation.Held + allocation.Sold, Released = true };
        _state!.SetAllocation(released);
        _pending.MarkCountersChanged();
        return await Durable<AllocationResult>(new AllocationResult.Ok(released.ToSeats()));
    }

    public async Task<CompResult> IssueComps(Guid allocationId, CompRecipient[] recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        if (Usable() is null)
        {
            return CompResult.NotFoundResult;
        }

        if (recipients.Length is 0 or > MaxCompsPerCall
            || recipients.Any(r => r.OwnerId == Guid.Empty || string.IsNullOrWhiteSpace(r.Name)))
        {
            return new CompResult.Invalid($"Name 1 to {MaxCompsPerCall} people, each with an account and a name.");
        }

        if (await KnownAllocationAsync(allocationId) is not { } known)
        {
            return CompResult.NotFoundResult;
        }

        var now = time.GetUtcNow();
        ExpireDue(now);
        var allocation = Current(known);
        var state = _state!;
        if (state.EventStatus == EventStatus.Cancelled)
        {
            return new CompResult.Invalid("The event is cancelled.");
        }

        if (recipients.Length > allocation.Remaining)
        {
            return new CompResult.NotEnoughSeats(allocation.Remaining);
        }

        var orders = new List<OrderTickets>(recipients.Length);
        var comps = new IssuedComp[recipients.Length];
        for (var i = 0; i < recipients.Length; i++)
        {
            var recipient = recipients[i];
            var ticket = new StoredTicket(Guid.CreateVersion7(now), ticketCodes.NewCode(), TicketStatus.Valid);
            var order = new OrderTickets(Guid.CreateVersion7(now), Guid.CreateVersion7(now), recipient.OwnerId, [ticket], allocationId);
            orders.Add(order);
            comps[i] = new IssuedComp(order.OrderId, recipient.OwnerId, recipient.Name.Trim(), new IssuedTicket(ticket.Id, ticket.Code));

            // A converted free hold and a paid free order: the same rows as a bought ticket, so refunds, transfers,
            // the door and the guest list treat a comp like any other ticket.
            _pending.AddHold(new StoredHold(
                order.HoldId, state.Id, state.EventId, recipient.OwnerId, 1, 0, 0, HoldStatus.Converted, null, now, now, allocationId));
            _pending.AddComp(
                new CompOrder(order.OrderId, order.HoldId, recipient.OwnerId, 1),
                new CompTicketName(ticket.Id, allocationId, comps[i].Name));
            _pending.AddTickets([new NewTicket(ticket.Id, ticket.Code, order.OrderId, recipient.OwnerId, TicketStatus.Valid)]);
        }

        // An allocation read from the database joins the state only now that a call succeeds with it.
        state.SetAllocation(allocation);
        state.IssueComps(allocationId, orders);
        return await Durable<CompResult>(new CompResult.Issued(comps, state.Allocations[allocationId].ToSeats()));
    }

    public Task<AllocationSeats[]> GetAllocations() =>
        Task.FromResult(Usable() is { } state ? state.Allocations.Values.Select(a => a.ToSeats()).ToArray() : []);

    /// <summary>
    /// The allocation as this activation knows it; one created after activation is read once from the database
    /// (its row is written by the caller before the first call). Null when it is not this ticket type's.
    /// </summary>
    private async Task<AllocationState?> KnownAllocationAsync(Guid allocationId)
    {
        if (_state!.Allocations.TryGetValue(allocationId, out var known))
        {
            return known;
        }

        var stored = await store.FindAllocationAsync(allocationId, CancellationToken.None);
        if (stored is null || stored.TicketTypeId != GrainKey || _state is null)
        {
            return null;
        }

        // Another call may have learnt it while this one awaited the database: its copy wins. Otherwise it joins the
        // state only when a call succeeds with it (a refused creation's row is deleted, and must never be written).
        return _state.Allocations.TryGetValue(allocationId, out known) ? known : AllocationState.From(stored) with { Held = 0 };
    }

    /// <summary>The allocation as the state has it now (holds may have expired since it was read), or as read.</summary>
    private AllocationState Current(AllocationState allocation) =>
        _state!.Allocations.GetValueOrDefault(allocation.Id) ?? allocation;
}
