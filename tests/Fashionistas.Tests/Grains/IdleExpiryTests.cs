using Fashionistas.Grains.Contracts;
using Fashionistas.Tests.Grains.Support;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Grains;

/// <summary>Holds of a ticket type nobody calls still expire on time: its reminder wakes it.</summary>
public sealed class IdleExpiryTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan HoldDuration = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ADeactivatedTicketTypeIsWokenByItsReminderAndExpiresItsHoldsWithoutAnyCall()
    {
        // The sweep timer is out of the picture (an hour), so only the reminder can bring the grain back.
        await using var silo = await InventorySilo.StartAsync(db.DataSource, inventory: o =>
            (o.HoldDuration, o.ExpirySweepInterval, o.ExpiryReminderPeriod) = (HoldDuration, TimeSpan.FromHours(1), TimeSpan.FromSeconds(2)));
        var users = await TestData.UsersAsync(db.DataSource, 2);
        var (_, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 10));
        var grain = silo.Get<ITicketTypeGrain>(ticketTypeId);
        var hold = Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(users[1], 3))).Hold;
        await silo.Cluster.DeactivateAsync(grain);
        Assert.False(silo.IsActive(grain));

        silo.Time.Advance(HoldDuration + TimeSpan.FromSeconds(1));

        Assert.True(await Eventually.TrueAsync(
            async () => await TestData.ScalarAsync<string>(db.DataSource, "SELECT status FROM holds WHERE id = $1", hold.HoldId) == "expired",
            Patience));
        Assert.Equal(0, await TestData.ScalarAsync<int>(db.DataSource, "SELECT held FROM ticket_types WHERE id = $1", ticketTypeId));
        Assert.Contains(silo.Publisher.Availability, a => a.TicketTypeId == ticketTypeId && a.Available == 10);
    }

    [Fact]
    public async Task CallersBeyondTheWaitingBoundAreRefusedAsBusyAndNothingOfThemIsWritten()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource, inventory: o => o.MaxWaitingCalls = 5);
        var users = await TestData.UsersAsync(db.DataSource, 101);
        var (_, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 1_000, perBuyerLimit: 100));
        var grain = silo.Get<ITicketTypeGrain>(ticketTypeId);
        var accepted = new System.Collections.Concurrent.ConcurrentBag<HoldInfo>();
        var busy = 0;

        await Task.WhenAll(Enumerable.Range(0, 2_000).Select(i => Task.Run(async () =>
        {
            try
            {
                if (await grain.Hold(new HoldRequest(users[1 + (i % 100)], 1)) is HoldResult.Accepted ok)
                {
                    accepted.Add(ok.Hold);
                }
            }
            catch (GrainBusyException refused)
            {
                Assert.True(refused.RetryAfter > TimeSpan.Zero);
                Interlocked.Increment(ref busy);
            }
        })));

        Assert.True(busy > 0, "no caller was refused");
        await InventoryInvariants.AssertAsync(db.DataSource, accepted, ticketTypeId);
        Assert.Equal(accepted.Count, (int)await TestData.ScalarAsync<long>(
            db.DataSource, "SELECT count(*) FROM holds WHERE ticket_type_id = $1", ticketTypeId));
    }
}
