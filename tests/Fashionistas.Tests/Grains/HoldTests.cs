using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Tests.Grains.Support;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Grains;

public sealed class HoldTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AnAcceptedHoldIsInTheDatabaseWhenItIsAnswered()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var users = await TestData.UsersAsync(db.DataSource, 2);
        var (eventId, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 10, price: 120_000));

        var result = await silo.Get<ITicketTypeGrain>(ticketTypeId).Hold(new HoldRequest(users[1], 2));

        var hold = Assert.IsType<HoldResult.Accepted>(result).Hold;
        Assert.Equal((ticketTypeId, eventId, users[1], 2, 120_000L, 240_000L), (hold.TicketTypeId, hold.EventId, hold.BuyerId, hold.Quantity, hold.UnitPrice, hold.Total));
        Assert.Equal(TestData.Start.AddMinutes(10), hold.ExpiresAt);
        Assert.False(hold.Replayed);
        Assert.Equal("active", await TestData.ScalarAsync<string>(db.DataSource, "SELECT status FROM holds WHERE id = $1", hold.HoldId));
        Assert.Equal(2, await TestData.ScalarAsync<int>(db.DataSource, "SELECT held FROM ticket_types WHERE id = $1", ticketTypeId));
    }

    [Fact]
    public async Task AHoldIsRejectedWhenSoldOut()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var users = await TestData.UsersAsync(db.DataSource, 3);
        var (_, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 3));
        var grain = silo.Get<ITicketTypeGrain>(ticketTypeId);

        Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(users[1], 2)));
        var second = await grain.Hold(new HoldRequest(users[2], 2));

        Assert.Equal(new HoldResult.SoldOut(1), second);
        Assert.Equal(2, await TestData.ScalarAsync<int>(db.DataSource, "SELECT held FROM ticket_types WHERE id = $1", ticketTypeId));
    }

    [Fact]
    public async Task ABuyerCannotHoldMoreThanTheLimit()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var users = await TestData.UsersAsync(db.DataSource, 2);
        var (_, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 100, perBuyerLimit: 4));
        var grain = silo.Get<ITicketTypeGrain>(ticketTypeId);

        Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(users[1], 3)));

        Assert.Equal(new HoldResult.OverBuyerLimit(4, 3), await grain.Hold(new HoldRequest(users[1], 2)));
        Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(users[1], 1)));
    }

    [Fact]
    public async Task HoldsAreRefusedUntilTheEventIsOnSale()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var users = await TestData.UsersAsync(db.DataSource, 2);
        var eventGrain = silo.Get<IEventGrain>(Guid.NewGuid());
        await eventGrain.Create(TestData.Draft(), users[0]);
        var ticketType = Assert.IsType<TicketTypeResult.Ok>(await eventGrain.AddTicketType(TestData.TicketType(10))).TicketType;

        var result = await silo.Get<ITicketTypeGrain>(ticketType.Id).Hold(new HoldRequest(users[1], 1));

        Assert.Equal(new HoldResult.NotOnSale("The event is draft, not on sale."), result);
    }

    [Fact]
    public async Task HoldsStopWhenTheEventIsCancelled()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var users = await TestData.UsersAsync(db.DataSource, 2);
        var (eventId, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 1_000, perBuyerLimit: 1_000));
        var grain = silo.Get<ITicketTypeGrain>(ticketTypeId);
        Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(users[1], 1)));

        await silo.Get<IEventGrain>(eventId).Transition(EventStatus.Cancelled, users[0], "venue closed");

        // The status reaches the ticket type one-way, shortly after the transition answered.
        Assert.True(await Eventually.TrueAsync(
            async () => await grain.Hold(new HoldRequest(users[1], 1)) is HoldResult.NotOnSale, Patience));
    }

    [Fact]
    public async Task AnUnknownTicketTypeAnswersNotFound()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var grain = silo.Get<ITicketTypeGrain>(Guid.NewGuid());

        Assert.IsType<HoldResult.NotFound>(await grain.Hold(new HoldRequest(Guid.NewGuid(), 1)));
        Assert.Null(await grain.GetAvailability());
    }

    [Fact]
    public async Task ARetriedHoldWithTheSameKeyIsNotDoubleCounted()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var users = await TestData.UsersAsync(db.DataSource, 2);
        var (_, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 10));
        var grain = silo.Get<ITicketTypeGrain>(ticketTypeId);

        var first = Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(users[1], 2, "checkout-1"))).Hold;
        var retry = Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(users[1], 2, "checkout-1"))).Hold;

        Assert.Equal(first with { Replayed = true }, retry);
        Assert.Equal(2, (await grain.GetAvailability())!.Held);
        Assert.Equal(1L, await TestData.ScalarAsync<long>(db.DataSource, "SELECT count(*) FROM holds WHERE ticket_type_id = $1", ticketTypeId));
    }

    [Fact]
    public async Task ARetriedHoldWithTheSameKeyIsReplayedAfterARestart()
    {
        var users = await TestData.UsersAsync(db.DataSource, 2);
        Guid ticketTypeId;
        HoldInfo first;
        await using (var before = await InventorySilo.StartAsync(db.DataSource))
        {
            (_, ticketTypeId) = await TestData.OnSaleAsync(before, users[0], TestData.TicketType(capacity: 10));
            first = Assert.IsType<HoldResult.Accepted>(
                await before.Get<ITicketTypeGrain>(ticketTypeId).Hold(new HoldRequest(users[1], 3, "k"))).Hold;
        }

        await using var after = await InventorySilo.StartAsync(db.DataSource, new ManualTimeProvider(TestData.Start.AddMinutes(1)));
        var grain = after.Get<ITicketTypeGrain>(ticketTypeId);
        var retry = await grain.Hold(new HoldRequest(users[1], 3, "k"));

        Assert.Equal(new HoldResult.Accepted(first with { Replayed = true }), retry);
        Assert.Equal(3, (await grain.GetAvailability())!.Held);
        Assert.Equal(3, await TestData.ScalarAsync<int>(db.DataSource, "SELECT held FROM ticket_types WHERE id = $1", ticketTypeId));
    }

    [Fact]
    public async Task TheSameKeyForADifferentQuantityIsRefused()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var users = await TestData.UsersAsync(db.DataSource, 2);
        var (_, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 10));
        var grain = silo.Get<ITicketTypeGrain>(ticketTypeId);
        await grain.Hold(new HoldRequest(users[1], 1, "k"));

        Assert.IsType<HoldResult.Invalid>(await grain.Hold(new HoldRequest(users[1], 2, "k")));
        Assert.Equal(1, (await grain.GetAvailability())!.Held);
    }

    [Fact]
    public async Task TwoBuyersMayUseTheSameKey()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var users = await TestData.UsersAsync(db.DataSource, 3);
        var (_, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 10));
        var grain = silo.Get<ITicketTypeGrain>(ticketTypeId);

        var a = Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(users[1], 1, "same")));
        var b = Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(users[2], 1, "same")));

        Assert.NotEqual(a.Hold.HoldId, b.Hold.HoldId);
        Assert.False(b.Hold.Replayed);
    }

    [Fact]
    public async Task AKeyOlderThanTheWindowIsNeverAppliedTwiceEvenAfterARestart()
    {
        var users = await TestData.UsersAsync(db.DataSource, 2);
        Guid ticketTypeId;
        await using (var silo = await InventorySilo.StartAsync(db.DataSource))
        {
            (_, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 10));
            var grain = silo.Get<ITicketTypeGrain>(ticketTypeId);
            await grain.Hold(new HoldRequest(users[1], 1, "old"));
            silo.Time.Advance(TimeSpan.FromHours(25));

            Assert.IsType<HoldResult.Invalid>(await grain.Hold(new HoldRequest(users[1], 1, "old")));
        }

        await using var restarted = await InventorySilo.StartAsync(db.DataSource, new ManualTimeProvider(TestData.Start.AddHours(25)));
        var reloaded = restarted.Get<ITicketTypeGrain>(ticketTypeId);

        Assert.IsType<HoldResult.Invalid>(await reloaded.Hold(new HoldRequest(users[1], 1, "old")));
        Assert.Equal(0, (await reloaded.GetAvailability())!.Held);
    }

    [Fact]
    public async Task ReleasingAHoldGivesItsSeatsBack()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var users = await TestData.UsersAsync(db.DataSource, 2);
        var (_, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 10));
        var grain = silo.Get<ITicketTypeGrain>(ticketTypeId);
        var hold = Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(users[1], 4))).Hold;

        Assert.Equal(new ReleaseResult.Released(hold.HoldId, 4), await grain.Release(hold.HoldId, users[1]));

        Assert.Equal(10, (await grain.GetAvailability())!.Available);
        Assert.Equal("released", await TestData.ScalarAsync<string>(db.DataSource, "SELECT status FROM holds WHERE id = $1", hold.HoldId));
        Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(users[1], 4)));
    }

    [Fact]
    public async Task OnlyTheOwnerReleasesAHoldAndOnlyOnce()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var users = await TestData.UsersAsync(db.DataSource, 3);
        var (_, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 10));
        var grain = silo.Get<ITicketTypeGrain>(ticketTypeId);
        var hold = Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(users[1], 1))).Hold;

        Assert.IsType<ReleaseResult.NotOwner>(await grain.Release(hold.HoldId, users[2]));
        Assert.IsType<ReleaseResult.Released>(await grain.Release(hold.HoldId, users[1]));
        Assert.Equal(new ReleaseResult.NotActive("released"), await grain.Release(hold.HoldId, users[1]));
        Assert.IsType<ReleaseResult.NotFound>(await grain.Release(Guid.NewGuid(), users[1]));
    }

    [Fact]
    public async Task PublishedAvailabilityFollowsCommits()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var users = await TestData.UsersAsync(db.DataSource, 2);
        var (_, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 10));

        await silo.Get<ITicketTypeGrain>(ticketTypeId).Hold(new HoldRequest(users[1], 3));

        var last = silo.Publisher.Availability.Last(a => a.TicketTypeId == ticketTypeId);
        Assert.Equal((10, 7, 3, 0), (last.Capacity, last.Available, last.Held, last.Sold));
    }
}
