using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Web.Live;

namespace Fashionistas.Tests.Live;

public sealed class SignalRAvailabilityPublisherTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 20, 0, 0, TimeSpan.Zero);

    private readonly LiveCounters _counters = new();
    private readonly SignalRAvailabilityPublisher _publisher;

    public SignalRAvailabilityPublisherTests() => _publisher = new SignalRAvailabilityPublisher(_counters, TimeProvider.System);

    [Fact]
    public void ManyChangesToOneTicketTypeLeaveOnlyTheNewestToSend()
    {
        var eventId = Guid.NewGuid();
        var ticketType = Guid.NewGuid();
        for (var held = 1; held <= 50; held++)
        {
            _publisher.AvailabilityChanged(Snapshot(eventId, ticketType, held, Start.AddMilliseconds(held)));
        }

        var pending = Assert.Single(_publisher.TakePending());
        Assert.Equal(50, pending.Held);
        Assert.Empty(_publisher.TakePending());
        Assert.Equal([eventId], _publisher.TakeDirtyDashboards());
        Assert.Empty(_publisher.TakeDirtyDashboards());
    }

    [Fact]
    public void TakingOneEventsPendingChangesLeavesTheOthers()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        _publisher.AvailabilityChanged(Snapshot(first, Guid.NewGuid(), 1, Start));
        _publisher.AvailabilityChanged(Snapshot(second, Guid.NewGuid(), 2, Start));

        Assert.Equal(first, Assert.Single(_publisher.TakePending(first)).EventId);
        Assert.Equal(second, Assert.Single(_publisher.TakePending()).EventId);
    }

    [Fact]
    public void AnOlderSnapshotReadLateDoesNotReplaceANewerOne()
    {
        var eventId = Guid.NewGuid();
        var ticketType = Guid.NewGuid();
        _publisher.AvailabilityChanged(Snapshot(eventId, ticketType, 5, Start.AddSeconds(1)));

        var kept = _counters.Offer(Snapshot(eventId, ticketType, 3, Start));

        Assert.Equal(5, kept.Held);
        Assert.Equal(5, Assert.Single(_counters.ForEvent(eventId)).Held);
    }

    [Fact]
    public void StatusChangesAreQueuedInOrderAndCheckInsMarkTheDashboard()
    {
        var eventId = Guid.NewGuid();
        _publisher.EventStatusChanged(eventId, EventStatus.SoldOut);
        _publisher.EventStatusChanged(eventId, EventStatus.OnSale);
        _publisher.CheckInsChanged(eventId, 12);

        Assert.True(_publisher.Statuses.TryRead(out var soldOut));
        Assert.Equal(EventStatus.SoldOut, soldOut.Status);
        Assert.True(_publisher.Statuses.TryRead(out var onSale));
        Assert.Equal(EventStatus.OnSale, onSale.Status);
        Assert.Equal([eventId], _publisher.TakeDirtyDashboards());
        Assert.Equal(12, LiveMessages.Dashboard(eventId, _counters, Start).CheckIns);
    }

    private static AvailabilitySnapshot Snapshot(Guid eventId, Guid ticketTypeId, int held, DateTimeOffset at) =>
        new(ticketTypeId, eventId, Capacity: 100, Available: 100 - held, Held: held, Sold: 0, at);
}
