using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Inventory;
using Fashionistas.Grains.Storage;

namespace Fashionistas.Tests.Domain;

/// <summary>How allocations move the ticket-type state's counters: the pure part of the grain's rules.</summary>
public sealed class AllocationStateTests
{
    private static readonly Guid Tier = Guid.NewGuid();
    private static readonly Guid Allocation = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SeatsSetAsideLeaveThePublicPoolAndHoldsFromThemDoNotTouchIt()
    {
        var state = Empty(10);
        state.SetAllocation(new AllocationState(Allocation, 4, 0, 0, null, Released: false));
        Assert.Equal((6, 4), (state.Available, state.Reserved));

        state.PlaceHold(Hold(3, Allocation), null);

        Assert.Equal((6, 1, 3), (state.Available, state.Reserved, state.Held));
        Assert.Equal(1, state.Allocations[Allocation].Remaining);
    }

    [Fact]
    public void AHoldThatEndsGivesItsSeatsBackToItsAllocationUntilTheAllocationIsReleased()
    {
        var state = Empty(10);
        state.SetAllocation(new AllocationState(Allocation, 4, 0, 0, null, Released: false));
        var first = Hold(3, Allocation);
        state.PlaceHold(first, null);
        state.EndHold(first);
        Assert.Equal((6, 4, 0), (state.Available, state.Reserved, state.Held));

        var second = Hold(3, Allocation);
        state.PlaceHold(second, null);
        var allocation = state.Allocations[Allocation];
        state.SetAllocation(allocation with { Quantity = allocation.Held + allocation.Sold, Released = true });
        Assert.Equal((7, 0), (state.Available, state.Reserved));
        state.EndHold(second);
        Assert.Equal((10, 0, 0), (state.Available, state.Reserved, state.Allocations[Allocation].Quantity));
    }

    [Fact]
    public void LoadingRecountsAnAllocationsHeldSeatsFromItsActiveHolds()
    {
        var hold = new StoredHold(Guid.NewGuid(), Tier, Guid.Empty, Guid.NewGuid(), 2, 0, 0, HoldStatus.Active, null, Now.AddMinutes(5), Now, Allocation);
        var load = new TicketTypeLoad(Snapshot(10), EventStatus.OnSale, 1, 2, 1, [hold], new Dictionary<Guid, int>(), [], [])
        {
            Allocations = [new StoredAllocation(Allocation, Tier, 5, 0, 1, null)],
        };

        var state = TicketTypeState.FromLoad(load);

        Assert.Equal(2, state.Allocations[Allocation].Held);
        Assert.Equal((2, 5), (state.Reserved, state.Available));
    }

    private static TicketTypeState Empty(int capacity) =>
        TicketTypeState.FromLoad(new TicketTypeLoad(Snapshot(capacity), EventStatus.OnSale, 1, 0, 0, [], new Dictionary<Guid, int>(), [], []));

    private static TicketTypeSnapshot Snapshot(int capacity) =>
        new(Tier, Guid.Empty, new TicketTypeDefinition("General", string.Empty, 100_000, capacity, 10));

    private static HoldInfo Hold(int quantity, Guid? allocation) =>
        new(Guid.NewGuid(), Tier, Guid.Empty, Guid.NewGuid(), quantity, 0, 0, Now.AddMinutes(10), Replayed: false, allocation);
}
