using Fashionistas.Grains.Contracts;
using Fashionistas.Tests.Grains.Support;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.MultiTier;

/// <summary>A tier's hold placed for a group ends at the group's deadline, never later, and durably.</summary>
public sealed class GroupDeadlineGrainTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task AHoldNeverOutlivesTheDeadlineItIsGivenNorTheGrainsOwnHoldLength()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var users = await TestData.UsersAsync(db.DataSource, 2);
        var (_, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 10));
        var grain = silo.Get<ITicketTypeGrain>(ticketTypeId);

        var early = await grain.Hold(new HoldRequest(users[1], 1) { ExpiresBy = TestData.Start.AddMinutes(3) });
        var late = await grain.Hold(new HoldRequest(users[1], 1) { ExpiresBy = TestData.Start.AddHours(5) });
        var past = await grain.Hold(new HoldRequest(users[1], 1) { ExpiresBy = TestData.Start.AddSeconds(-1) });

        var earlyHold = Assert.IsType<HoldResult.Accepted>(early).Hold;
        Assert.Equal(TestData.Start.AddMinutes(3), earlyHold.ExpiresAt);
        Assert.Equal(TestData.Start.AddMinutes(10), Assert.IsType<HoldResult.Accepted>(late).Hold.ExpiresAt);
        Assert.IsType<HoldResult.Invalid>(past);
        Assert.Equal(TestData.Start.AddMinutes(3).UtcDateTime, await TestData.ScalarAsync<DateTime>(db.DataSource, "SELECT expires_at FROM holds WHERE id = $1", earlyHold.HoldId));

        silo.Time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, (await grain.GetAvailability())!.Held);
        Assert.Equal("expired", await TestData.ScalarAsync<string>(db.DataSource, "SELECT status FROM holds WHERE id = $1", earlyHold.HoldId));
    }
}
