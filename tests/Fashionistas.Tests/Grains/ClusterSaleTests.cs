using System.Collections.Concurrent;
using Fashionistas.Grains.Contracts;
using Fashionistas.Tests.Grains.Support;
using Fashionistas.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Fashionistas.Tests.Grains;

/// <summary>Sales on Orleans test clusters of several silos over the real PostgreSQL.</summary>
public sealed class ClusterSaleTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task TwentyThousandHoldsFromCallersOnThreeSilosNeverOversellOneThousandSeats()
    {
        const int Seats = 1_000;
        const int Buyers = 2_000;
        const int Requests = 20_000;
        const int PerBuyerLimit = 4;
        await using var cluster = await InventorySilo.StartAsync(db.DataSource, silos: 3, inventory: o => o.MaxWaitingCalls = Requests * 2);
        var users = await TestData.UsersAsync(db.DataSource, Buyers + 1);
        var (_, ticketTypeId) = await TestData.OnSaleAsync(
            cluster, users[0], TestData.TicketType(capacity: Seats, perBuyerLimit: PerBuyerLimit), eventCapacity: Seats);

        // Callers on every silo: whichever silo holds the activation, two thirds of the calls come from the others.
        var silos = cluster.Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<IGrainFactory>()).ToArray();
        Assert.Equal(3, silos.Length);
        var accepted = new ConcurrentBag<HoldInfo>();
        await Task.WhenAll(Enumerable.Range(0, Requests).Select(i => Task.Run(async () =>
        {
            var grain = silos[i % silos.Length].GetGrain<ITicketTypeGrain>(ticketTypeId);
            var key = i % 3 == 0 ? $"request-{i}" : null;
            if (await grain.Hold(new HoldRequest(users[1 + (i % Buyers)], 1 + (i % 2), key)) is HoldResult.Accepted ok)
            {
                accepted.Add(ok.Hold);
            }
        })));

        Assert.Equal(Seats, accepted.Sum(h => h.Quantity));
        Assert.All(accepted.GroupBy(h => h.BuyerId), g => Assert.InRange(g.Sum(h => h.Quantity), 1, PerBuyerLimit));
        await InventoryInvariants.AssertAsync(db.DataSource, accepted, ticketTypeId);
        Assert.Equal(Seats, await TestData.ScalarAsync<int>(db.DataSource, "SELECT held FROM ticket_types WHERE id = $1", ticketTypeId));
    }

    [Fact]
    public async Task WhenOneSiloStopsAndAnotherIsKilledMidSaleTheGrainsGoOnSellingOnTheSurvivorAndNoAcknowledgedHoldIsLost()
    {
        const int TicketTypes = 6;
        const int SeatsEach = 2_000;
        const int Workers = 24;
        const int HoldsPerPhase = 150;
        await using var cluster = await InventorySilo.StartAsync(db.DataSource, silos: 3);
        var users = await TestData.UsersAsync(db.DataSource, 201);
        var definition = TestData.TicketType(capacity: SeatsEach, perBuyerLimit: SeatsEach);
        var (eventId, first) = await TestData.OnSaleAsync(cluster, users[0], definition, eventCapacity: TicketTypes * SeatsEach);
        var types = new List<Guid> { first };
        for (var i = 1; i < TicketTypes; i++)
        {
            types.Add(Assert.IsType<TicketTypeResult.Ok>(
                await cluster.Get<IEventGrain>(eventId).AddTicketType(definition with { Name = $"Tier {i}" })).TicketType.Id);
        }

        var acknowledged = new ConcurrentBag<HoldInfo>();
        var failures = 0;
        using var stop = new CancellationTokenSource();
        var buyers = Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            while (!stop.IsCancellationRequested)
            {
                var grain = cluster.Get<ITicketTypeGrain>(types[random.Next(types.Count)]);
                try
                {
                    if (await grain.Hold(new HoldRequest(users[1 + random.Next(200)], 1)) is HoldResult.Accepted ok)
                    {
                        acknowledged.Add(ok.Hold);
                    }
                }
#pragma warning disable CA1031 // A silo going away fails calls in many ways; the buyer retries, as a client would.
                catch (Exception)
#pragma warning restore CA1031
                {
                    Interlocked.Increment(ref failures);
                    await Task.Delay(50);
                }
            }
        })).ToArray();

        async Task SellsOnAsync(string phase)
        {
            var before = acknowledged.Count;
            Assert.True(await Eventually.TrueAsync(() => acknowledged.Count >= before + HoldsPerPhase, Patience), $"no sales {phase}");
        }

        await SellsOnAsync("on three silos");
        await cluster.Cluster.StopSiloAsync(cluster.Cluster.Silos[1]);
        await SellsOnAsync("after a silo stopped");
        await cluster.Cluster.KillSiloAsync(cluster.Cluster.Silos[1]);
        await SellsOnAsync("after a silo was killed");
        await stop.CancelAsync();
        await Task.WhenAll(buyers);

        Assert.Single(cluster.Cluster.Silos);
        await InventoryInvariants.AssertAsync(db.DataSource, acknowledged, [.. types]);
    }
}
