using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Events;
using Fashionistas.Tests.Grains.Support;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Grains;

public sealed class SoldOutTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task HoldingTheLastSeatSellsTheEventOutAndAReleaseOpensItAgain()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var users = await TestData.UsersAsync(db.DataSource, 2);
        var (eventId, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 4));
        var eventGrain = silo.Get<IEventGrain>(eventId);
        var ticketType = silo.Get<ITicketTypeGrain>(ticketTypeId);

        var hold = Assert.IsType<HoldResult.Accepted>(await ticketType.Hold(new HoldRequest(users[1], 4))).Hold;

        Assert.True(await Eventually.TrueAsync(async () => (await eventGrain.Get())!.Status == EventStatus.SoldOut, Patience));
        Assert.Equal(EventGrain.SoldOutReason, await TestData.ScalarAsync<string>(
            db.DataSource, "SELECT reason FROM event_status_history WHERE event_id = $1 AND new_status = 'sold_out' AND changed_by IS NULL", eventId));

        await ticketType.Release(hold.HoldId, users[1]);

        Assert.True(await Eventually.TrueAsync(async () => (await eventGrain.Get())!.Status == EventStatus.OnSale, Patience));
        Assert.Equal(EventGrain.SeatsReleasedReason, await TestData.ScalarAsync<string>(
            db.DataSource, "SELECT reason FROM event_status_history WHERE event_id = $1 AND previous_status = 'sold_out' AND new_status = 'on_sale'", eventId));
    }

    [Fact]
    public async Task AnEventIsSoldOutOnlyWhenEveryTicketTypeIs()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var users = await TestData.UsersAsync(db.DataSource, 2);
        var (eventId, generalId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 2));
        var eventGrain = silo.Get<IEventGrain>(eventId);
        var vipId = Assert.IsType<TicketTypeResult.Ok>(
            await eventGrain.AddTicketType(TestData.TicketType(capacity: 1) with { Name = "VIP" })).TicketType.Id;

        await silo.Get<ITicketTypeGrain>(generalId).Hold(new HoldRequest(users[1], 2));
        await silo.Get<ITicketTypeGrain>(vipId).GetAvailability();

        // Give the general type's notification time to arrive, then check it did not sell the event out.
        Assert.False(await Eventually.TrueAsync(
            async () => (await eventGrain.Get())!.Status == EventStatus.SoldOut, TimeSpan.FromSeconds(1)));

        await silo.Get<ITicketTypeGrain>(vipId).Hold(new HoldRequest(users[1], 1));

        Assert.True(await Eventually.TrueAsync(async () => (await eventGrain.Get())!.Status == EventStatus.SoldOut, Patience));
    }

    [Fact]
    public async Task ASaleOfTheLastSeatsKeepsTheEventSoldOutAndARefundOpensIt()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var users = await TestData.UsersAsync(db.DataSource, 2);
        var (eventId, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 2));
        var eventGrain = silo.Get<IEventGrain>(eventId);
        var ticketType = silo.Get<ITicketTypeGrain>(ticketTypeId);
        var hold = Assert.IsType<HoldResult.Accepted>(await ticketType.Hold(new HoldRequest(users[1], 2))).Hold;
        var orderId = await TestData.PendingOrderAsync(db.DataSource, hold);
        var sold = Assert.IsType<SaleResult.Sold>(await ticketType.ConfirmSale(TestData.Sale(hold, orderId)));
        Assert.True(await Eventually.TrueAsync(async () => (await eventGrain.Get())!.Status == EventStatus.SoldOut, Patience));

        await ticketType.ReturnSeats(orderId, [sold.Tickets[0].TicketId]);

        Assert.True(await Eventually.TrueAsync(async () => (await eventGrain.Get())!.Status == EventStatus.OnSale, Patience));
    }
}
