using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Storage;
using Fashionistas.Silo.Tickets;
using Fashionistas.Tests.Grains.Support;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Grains;

public sealed class SaleTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan HoldDuration = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task ConfirmingASaleIssuesTicketsAndMarksTheOrderPaidTogether()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var (users, ticketTypeId, grain, hold, orderId) = await PendingSaleAsync(silo, users: 2, capacity: 10, quantity: 3);

        var sold = Assert.IsType<SaleResult.Sold>(await grain.ConfirmSale(TestData.Sale(hold, orderId)));

        Assert.False(sold.Replayed);
        Assert.Equal(3, sold.Tickets.Count);
        Assert.All(sold.Tickets, t => Assert.True(TicketCodeGenerator.IsWellFormed(t.Code), t.Code));
        Assert.Equal(3, sold.Tickets.Select(t => t.Code).Distinct().Count());
        Assert.Equal("paid", await TestData.ScalarAsync<string>(db.DataSource, "SELECT status FROM orders WHERE id = $1 AND paid_at IS NOT NULL", orderId));
        Assert.Equal("converted", await TestData.ScalarAsync<string>(db.DataSource, "SELECT status FROM holds WHERE id = $1", hold.HoldId));
        Assert.Equal(3L, await TestData.ScalarAsync<long>(
            db.DataSource, "SELECT count(*) FROM tickets WHERE order_id = $1 AND owner_id = $2 AND status = 'valid'", orderId, users[1]));
        var availability = await grain.GetAvailability();
        Assert.Equal((7, 0, 3), (availability!.Available, availability.Held, availability.Sold));
        Assert.Equal(3, await TestData.ScalarAsync<int>(db.DataSource, "SELECT sold FROM ticket_types WHERE id = $1 AND held = 0", ticketTypeId));
    }

    [Fact]
    public async Task ConfirmingTheSameOrderTwiceReturnsTheSameTicketsAlsoAfterARestart()
    {
        var users = await TestData.UsersAsync(db.DataSource, 2);
        Guid ticketTypeId;
        HoldInfo hold;
        Guid orderId;
        SaleResult.Sold first;
        await using (var silo = await InventorySilo.StartAsync(db.DataSource))
        {
            (_, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 10));
            var grain = silo.Get<ITicketTypeGrain>(ticketTypeId);
            hold = Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(users[1], 4))).Hold;
            orderId = await TestData.PendingOrderAsync(db.DataSource, hold);
            first = Assert.IsType<SaleResult.Sold>(await grain.ConfirmSale(TestData.Sale(hold, orderId)));

            Assert.Equal(first with { Replayed = true }, await grain.ConfirmSale(TestData.Sale(hold, orderId)), new SaleComparer());
        }

        await using var restarted = await InventorySilo.StartAsync(db.DataSource);
        var again = await restarted.Get<ITicketTypeGrain>(ticketTypeId).ConfirmSale(await TestData.StoredSaleAsync(db.DataSource, orderId));

        Assert.Equal(first with { Replayed = true }, again, new SaleComparer());
        Assert.Equal(4, (await restarted.Get<ITicketTypeGrain>(ticketTypeId).GetAvailability())!.Sold);
        Assert.Equal(4L, await TestData.ScalarAsync<long>(db.DataSource, "SELECT count(*) FROM tickets WHERE order_id = $1", orderId));
    }

    [Fact]
    public async Task AnExpiredHoldStillSellsWhileSeatsRemain()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var (_, _, grain, hold, orderId) = await PendingSaleAsync(silo, users: 2, capacity: 10, quantity: 2);
        silo.Time.Advance(HoldDuration);

        Assert.IsType<SaleResult.Sold>(await grain.ConfirmSale(TestData.Sale(hold, orderId)));

        var availability = await grain.GetAvailability();
        Assert.Equal((8, 0, 2), (availability!.Available, availability.Held, availability.Sold));
        Assert.Equal("converted", await TestData.ScalarAsync<string>(db.DataSource, "SELECT status FROM holds WHERE id = $1", hold.HoldId));
    }

    [Fact]
    public async Task AnExpiredHoldWhoseSeatsWereSoldToOthersAnswersNoSeats()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var (users, _, grain, late, orderId) = await PendingSaleAsync(silo, users: 3, capacity: 2, quantity: 2);
        silo.Time.Advance(HoldDuration);
        Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(users[2], 2)));

        Assert.IsType<SaleResult.NoSeats>(await grain.ConfirmSale(TestData.Sale(late, orderId)));

        Assert.Equal("pending_payment", await TestData.ScalarAsync<string>(db.DataSource, "SELECT status FROM orders WHERE id = $1", orderId));
        Assert.Equal(0L, await TestData.ScalarAsync<long>(db.DataSource, "SELECT count(*) FROM tickets WHERE order_id = $1", orderId));
    }

    [Fact]
    public async Task AnOrderOfAnUnknownTicketTypeIsNotFound()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var users = await TestData.UsersAsync(db.DataSource, 1);

        var sale = new SaleRequest(Guid.NewGuid(), Guid.NewGuid(), users[0], 1, OrderStatusNames.PendingPayment);

        Assert.IsType<SaleResult.NotFound>(await silo.Get<ITicketTypeGrain>(Guid.NewGuid()).ConfirmSale(sale));
    }

    [Fact]
    public async Task AnOrderThatNoLongerAwaitsPaymentIsRefusedWithoutDisturbingOtherBuyers()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var (users, _, grain, hold, orderId) = await PendingSaleAsync(silo, users: 3, capacity: 10, quantity: 2);

        var refused = grain.ConfirmSale(TestData.Sale(hold, orderId) with { OrderStatus = "refunded" });
        var other = grain.Hold(new HoldRequest(users[2], 1));

        Assert.IsType<SaleResult.Invalid>(await refused);
        Assert.IsType<HoldResult.Accepted>(await other);
        Assert.Equal((7, 3, 0), Counts(await grain.GetAvailability()));
        Assert.Equal(0L, await TestData.ScalarAsync<long>(db.DataSource, "SELECT count(*) FROM tickets WHERE order_id = $1", orderId));
    }

    [Fact]
    public async Task AnOrderThatDoesNotMatchItsHoldIsRefused()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var (_, _, grain, hold, orderId) = await PendingSaleAsync(silo, users: 2, capacity: 10, quantity: 2);

        Assert.IsType<SaleResult.Invalid>(await grain.ConfirmSale(TestData.Sale(hold, orderId) with { Quantity = 3 }));

        Assert.Equal((8, 2, 0), Counts(await grain.GetAvailability()));
    }

    [Fact]
    public async Task AnOrderChangedSinceTheCallerReadItSellsNothingAndTheGrainReloads()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var (_, ticketTypeId, grain, hold, orderId) = await PendingSaleAsync(silo, users: 2, capacity: 10, quantity: 2);
        var sale = TestData.Sale(hold, orderId);
        await TestData.ScalarAsync<int>(db.DataSource, "UPDATE orders SET status = 'cancelled' WHERE id = $1 RETURNING 1", orderId);

        // The grain trusted the caller's reading; the commit's check of the order row refuses the whole batch.
        await Assert.ThrowsAsync<GrainUnavailableException>(() => grain.ConfirmSale(sale));

        Assert.Equal((8, 2, 0), Counts(await grain.GetAvailability()));
        Assert.Equal("active", await TestData.ScalarAsync<string>(db.DataSource, "SELECT status FROM holds WHERE id = $1", hold.HoldId));
        Assert.Equal(0L, await TestData.ScalarAsync<long>(db.DataSource, "SELECT count(*) FROM tickets WHERE order_id = $1", orderId));
        Assert.Equal(0, await TestData.ScalarAsync<int>(db.DataSource, "SELECT sold FROM ticket_types WHERE id = $1", ticketTypeId));
    }

    [Fact]
    public async Task AnOrderRefusedForLackOfSeatsIsRefusedAgainWhenSeatsComeBack()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var (users, _, grain, late, orderId) = await PendingSaleAsync(silo, users: 3, capacity: 2, quantity: 2);
        silo.Time.Advance(HoldDuration);
        var other = Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(users[2], 2))).Hold;
        Assert.IsType<SaleResult.NoSeats>(await grain.ConfirmSale(TestData.Sale(late, orderId)));

        // The caller is refunding this order now: it must not sell while that runs, even though seats are free again.
        Assert.IsType<ReleaseResult.Released>(await grain.Release(other.HoldId, users[2]));

        Assert.IsType<SaleResult.NoSeats>(await grain.ConfirmSale(TestData.Sale(late, orderId)));
        Assert.Equal((2, 0, 0), Counts(await grain.GetAvailability()));
    }

    [Fact]
    public async Task ReturningSeatsVoidsTheTicketsAndPutsTheSeatsBackOnce()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var (_, ticketTypeId, grain, hold, orderId) = await PendingSaleAsync(silo, users: 2, capacity: 10, quantity: 3);
        var sold = Assert.IsType<SaleResult.Sold>(await grain.ConfirmSale(TestData.Sale(hold, orderId)));
        Guid[] refunded = [sold.Tickets[0].TicketId, sold.Tickets[1].TicketId];

        Assert.Equal(new ReturnResult.Returned(orderId, 2, 0), await grain.ReturnSeats(orderId, refunded));
        Assert.Equal(new ReturnResult.Returned(orderId, 0, 2), await grain.ReturnSeats(orderId, refunded));

        var availability = await grain.GetAvailability();
        Assert.Equal((9, 1), (availability!.Available, availability.Sold));
        Assert.Equal(2L, await TestData.ScalarAsync<long>(db.DataSource, "SELECT count(*) FROM tickets WHERE order_id = $1 AND status = 'void'", orderId));
        Assert.Equal(1, await TestData.ScalarAsync<int>(db.DataSource, "SELECT sold FROM ticket_types WHERE id = $1", ticketTypeId));
    }

    [Fact]
    public async Task ReturningATicketOfAnotherOrderIsRefused()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var (users, _, grain, hold, orderId) = await PendingSaleAsync(silo, users: 2, capacity: 10, quantity: 1);
        await grain.ConfirmSale(TestData.Sale(hold, orderId));

        Assert.IsType<ReturnResult.Invalid>(await grain.ReturnSeats(orderId, [Guid.NewGuid()]));
        Assert.Equal(1, (await grain.GetAvailability())!.Sold);
    }

    /// <summary>Users (0 sells, 1 buys, the rest are spare), an on-sale ticket type, users[1]'s hold and its pending order.</summary>
    private async Task<PendingSale> PendingSaleAsync(InventorySilo silo, int users, int capacity, int quantity)
    {
        var ids = await TestData.UsersAsync(db.DataSource, users);
        var (_, ticketTypeId) = await TestData.OnSaleAsync(silo, ids[0], TestData.TicketType(capacity: capacity));
        var grain = silo.Get<ITicketTypeGrain>(ticketTypeId);
        var hold = Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(ids[1], quantity))).Hold;
        return new PendingSale(ids, ticketTypeId, grain, hold, await TestData.PendingOrderAsync(db.DataSource, hold));
    }

    private static (int Available, int Held, int Sold) Counts(AvailabilitySnapshot? availability) =>
        (availability!.Available, availability.Held, availability.Sold);

    /// <summary>Records holding lists compare by reference; a sale compares by its tickets.</summary>
    private sealed class SaleComparer : IEqualityComparer<SaleResult>
    {
        public bool Equals(SaleResult? x, SaleResult? y) =>
            x is SaleResult.Sold a && y is SaleResult.Sold b
            && a.OrderId == b.OrderId && a.Replayed == b.Replayed && a.Tickets.SequenceEqual(b.Tickets);

        public int GetHashCode(SaleResult obj) => 0;
    }
}
