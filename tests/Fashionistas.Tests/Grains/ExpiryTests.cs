using Fashionistas.Grains.Contracts;
using Fashionistas.Tests.Grains.Support;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Grains;

public sealed class ExpiryTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan HoldDuration = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AHoldKeepsItsSeatsUntilItsDeadline()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var users = await TestData.UsersAsync(db.DataSource, 2);
        var (_, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 10));
        var grain = silo.Get<ITicketTypeGrain>(ticketTypeId);
        await grain.Hold(new HoldRequest(users[1], 3));

        silo.Time.Advance(HoldDuration - TimeSpan.FromSeconds(1));

        Assert.Equal(7, (await grain.GetAvailability())!.Available);
    }

    [Fact]
    public async Task AnExpiredHoldReturnsItsSeatsWhenTheClockPassesItsDeadline()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var users = await TestData.UsersAsync(db.DataSource, 2);
        var (_, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 10));
        var grain = silo.Get<ITicketTypeGrain>(ticketTypeId);
        var hold = Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(users[1], 3))).Hold;

        silo.Time.Advance(HoldDuration);

        var availability = await grain.GetAvailability();
        Assert.Equal((10, 0), (availability!.Available, availability.Held));
        Assert.Equal("expired", await TestData.ScalarAsync<string>(db.DataSource, "SELECT status FROM holds WHERE id = $1", hold.HoldId));
        Assert.Equal(0, await TestData.ScalarAsync<int>(db.DataSource, "SELECT held FROM ticket_types WHERE id = $1", ticketTypeId));
        Assert.Equal(new ReleaseResult.NotActive("expired"), await grain.Release(hold.HoldId, users[1]));
    }

    [Fact]
    public async Task TheSweepTimerExpiresHoldsWithoutAnyCall()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var users = await TestData.UsersAsync(db.DataSource, 2);
        var (_, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 10));
        await silo.Get<ITicketTypeGrain>(ticketTypeId).Hold(new HoldRequest(users[1], 3));

        silo.Time.Advance(HoldDuration + TimeSpan.FromSeconds(1));

        // The tick is a turn of its own; its commit lands shortly after Advance returns.
        Assert.True(await Eventually.TrueAsync(
            async () => await TestData.ScalarAsync<int>(db.DataSource, "SELECT held FROM ticket_types WHERE id = $1", ticketTypeId) == 0,
            Patience));
        Assert.Contains(silo.Publisher.Availability, a => a.TicketTypeId == ticketTypeId && a.Available == 10);
    }

    [Fact]
    public async Task ExpiredSeatsCountNoLongerForTheBuyersLimit()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var users = await TestData.UsersAsync(db.DataSource, 2);
        var (_, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 10, perBuyerLimit: 4));
        var grain = silo.Get<ITicketTypeGrain>(ticketTypeId);
        await grain.Hold(new HoldRequest(users[1], 4));

        silo.Time.Advance(HoldDuration);

        Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(users[1], 4)));
    }

    [Fact]
    public async Task ExpiryDeadlinesSurviveARestart()
    {
        var users = await TestData.UsersAsync(db.DataSource, 3);
        Guid ticketTypeId;
        Guid expiring;
        await using (var before = await InventorySilo.StartAsync(db.DataSource))
        {
            (_, ticketTypeId) = await TestData.OnSaleAsync(before, users[0], TestData.TicketType(capacity: 10));
            var grain = before.Get<ITicketTypeGrain>(ticketTypeId);
            expiring = Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(users[1], 3))).Hold.HoldId;
            before.Time.Advance(TimeSpan.FromMinutes(5));
            await grain.Hold(new HoldRequest(users[2], 2));
        }

        // A new runtime on the same database, its clock past the first deadline but not the second.
        await using var after = await InventorySilo.StartAsync(
            db.DataSource, new ManualTimeProvider(TestData.Start + HoldDuration + TimeSpan.FromMinutes(1)));
        var availability = await after.Get<ITicketTypeGrain>(ticketTypeId).GetAvailability();

        Assert.Equal((8, 2), (availability!.Available, availability.Held));
        Assert.Equal("expired", await TestData.ScalarAsync<string>(db.DataSource, "SELECT status FROM holds WHERE id = $1", expiring));
        Assert.Equal(2, await TestData.ScalarAsync<int>(db.DataSource, "SELECT held FROM ticket_types WHERE id = $1", ticketTypeId));
    }
}
