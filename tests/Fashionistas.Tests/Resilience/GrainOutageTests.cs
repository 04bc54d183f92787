using Fashionistas.Grains.Contracts;
using Fashionistas.Tests.Grains.Support;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Resilience;

/// <summary>The inventory grains while their PostgreSQL is stopped and after it returns, on a manual clock.</summary>
public sealed class GrainOutageTests(DedicatedCluster postgres) : IClassFixture<DedicatedCluster>
{
    private static readonly TimeSpan HoldDuration = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AnActivationThatFailsWhileTheDatabaseIsDownDoesNotPoisonTheKey()
    {
        await using var silo = await InventorySilo.StartAsync(postgres.DataSource);
        var users = await TestData.UsersAsync(postgres.DataSource, 2);
        var (_, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 10));
        var grain = silo.Get<ITicketTypeGrain>(ticketTypeId);

        await using (await postgres.StopAsync())
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var failure = await Assert.ThrowsAsync<GrainUnavailableException>(() => grain.Hold(new HoldRequest(users[1], 1)));
                Assert.Contains("could not be loaded", failure.Message, StringComparison.Ordinal);
            }
        }

        Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(users[1], 1)));
        Assert.Equal(9, (await grain.GetAvailability())!.Available);
    }

    [Fact]
    public async Task AHoldWhoseCommitFailedIsForgottenAndTheNextActivationReadsTheDatabase()
    {
        await using var silo = await InventorySilo.StartAsync(postgres.DataSource);
        var users = await TestData.UsersAsync(postgres.DataSource, 2);
        var (_, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 10));
        var grain = silo.Get<ITicketTypeGrain>(ticketTypeId);
        Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(users[1], 3)));

        await using (await postgres.StopAsync())
        {
            await Assert.ThrowsAsync<GrainUnavailableException>(() => grain.Hold(new HoldRequest(users[1], 1, "during-outage")));
        }

        var availability = (await grain.GetAvailability())!;
        Assert.Equal((3, 7), (availability.Held, availability.Available));
        Assert.Equal(3, await postgres.ScalarAsync<int>("SELECT held FROM ticket_types WHERE id = $1", ticketTypeId));

        // Retrying with the key of the failed call is a first hold: the failure left nothing to replay.
        var retried = Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(users[1], 1, "during-outage")));
        Assert.False(retried.Hold.Replayed);
    }

    [Fact]
    public async Task AnExpirySweepThatCannotCommitDropsTheActivationInsteadOfRetryingEveryTick()
    {
        // Idle collection (15 minutes by default) stays out of the way, so only a failed commit can end an activation here.
        await using var silo = await InventorySilo.StartAsync(
            postgres.DataSource,
            inventory: o => (o.HoldDuration, o.ExpirySweepInterval) = (HoldDuration, SweepInterval));
        var users = await TestData.UsersAsync(postgres.DataSource, 2);
        var (_, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 10));
        var grain = silo.Get<ITicketTypeGrain>(ticketTypeId);
        var hold = Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(users[1], 4))).Hold;
        Assert.True(silo.IsActive(grain));

        await using (await postgres.StopAsync())
        {
            silo.Time.Advance(HoldDuration + SweepInterval);

            // The tick expired the hold in memory and could not commit it: the activation goes, its timer with it.
            Assert.True(await Eventually.TrueAsync(() => !silo.IsActive(grain), Patience));
        }

        // Back: the next call reactivates, finds the deadline passed, and expires the hold durably.
        var availability = (await grain.GetAvailability())!;
        Assert.Equal((0, 10), (availability.Held, availability.Available));
        Assert.Equal("expired", await postgres.ScalarAsync<string>("SELECT status FROM holds WHERE id = $1", hold.HoldId));
        Assert.Equal(0, await postgres.ScalarAsync<int>("SELECT held FROM ticket_types WHERE id = $1", ticketTypeId));
    }
}
