using Fashionistas.Grains.Contracts;
using Fashionistas.Silo.Waitlist;

namespace Fashionistas.Tests.Waitlist;

public sealed class WaitlistTrackerTests
{
    private static readonly Guid EventId = Guid.NewGuid();

    [Fact]
    public void ChangesOfTicketTypesNobodyWaitsForAreIgnored()
    {
        var tracker = new WaitlistTracker();

        tracker.Offer(Snapshot(Guid.NewGuid(), available: 3));

        Assert.Empty(tracker.TakeDirty());
        Assert.False(tracker.Wake.TryRead(out _));
    }

    [Fact]
    public void ATrackedTicketTypeIsFlaggedOnceWithItsNewestSnapshot()
    {
        var tracker = new WaitlistTracker();
        var ticketTypeId = Guid.NewGuid();
        tracker.Track(ticketTypeId);

        tracker.Offer(Snapshot(ticketTypeId, available: 1));
        tracker.Offer(Snapshot(ticketTypeId, available: 2));

        var (id, latest) = Assert.Single(tracker.TakeDirty());
        Assert.Equal(ticketTypeId, id);
        Assert.Equal(2, latest!.Available);
        Assert.True(tracker.Wake.TryRead(out _));
        Assert.Empty(tracker.TakeDirty());
    }

    [Fact]
    public void AfterUntrackLateSnapshotsDoNotBringTheTicketTypeBack()
    {
        var tracker = new WaitlistTracker();
        var ticketTypeId = Guid.NewGuid();
        tracker.Track(ticketTypeId);
        tracker.Untrack(ticketTypeId);

        tracker.Offer(Snapshot(ticketTypeId, available: 1));

        Assert.False(tracker.IsTracked(ticketTypeId));
        Assert.Empty(tracker.TakeDirty());
    }

    [Fact]
    public void TheRefreshFlagsOnlyTrackedTicketTypesWithSeatsLeft()
    {
        var tracker = new WaitlistTracker();
        var (withSeats, soldOut) = (Guid.NewGuid(), Guid.NewGuid());
        tracker.Track(Snapshot(withSeats, available: 2));
        tracker.Track(Snapshot(soldOut, available: 0));
        tracker.TakeDirty();

        tracker.MarkAvailableDirty();

        Assert.Equal(withSeats, Assert.Single(tracker.TakeDirty()).TicketTypeId);
    }

    private static AvailabilitySnapshot Snapshot(Guid ticketTypeId, int available) =>
        new(ticketTypeId, EventId, 10, available, 10 - available, 0, DateTimeOffset.UtcNow);
}
