using System.Collections.Concurrent;
using Fashionistas.Grains.Contracts;
using Fashionistas.Tests.Grains.Support;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Grains;

/// <summary>
/// Two activations of one ticket type at once, forced by two separate Orleans clusters on one database (what a
/// membership change can briefly cause inside one cluster): every commit is fenced on the ticket type's version.
/// </summary>
public sealed class FencingTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task TwoActivationsHammeringTheSameSeatsNeverOversellAndEverySuccessIsDurable()
    {
        const int Seats = 500;
        const int Requests = 4_000;
        await using var first = await InventorySilo.StartAsync(db.DataSource);
        await using var second = await InventorySilo.StartAsync(db.DataSource);
        var users = await TestData.UsersAsync(db.DataSource, 401);
        var (_, ticketTypeId) = await TestData.OnSaleAsync(
            first, users[0], TestData.TicketType(capacity: Seats, perBuyerLimit: Seats), eventCapacity: Seats);
        ITicketTypeGrain[] grains = [first.Get<ITicketTypeGrain>(ticketTypeId), second.Get<ITicketTypeGrain>(ticketTypeId)];
        Assert.Equal(Seats, (await grains[0].GetAvailability())!.Available);
        Assert.Equal(Seats, (await grains[1].GetAvailability())!.Available);

        var accepted = new ConcurrentBag<HoldInfo>();
        var fenced = 0;
        await Task.WhenAll(Enumerable.Range(0, Requests).Select(i => Task.Run(async () =>
        {
            try
            {
                if (await grains[i % 2].Hold(new HoldRequest(users[1 + (i % 400)], 1 + (i % 2))) is HoldResult.Accepted ok)
                {
                    accepted.Add(ok.Hold);
                }
            }
            catch (GrainUnavailableException)
            {
                Interlocked.Increment(ref fenced);
            }
        })));

        Assert.True(fenced > 0, "both activations committed without ever meeting the fence");
        Assert.InRange(accepted.Sum(h => h.Quantity), 1, Seats);
        await InventoryInvariants.AssertAsync(db.DataSource, accepted, ticketTypeId);

        // Nothing but the acknowledged holds was written: a fenced batch leaves no row behind.
        Assert.Equal(accepted.Count, (int)await TestData.ScalarAsync<long>(
            db.DataSource, "SELECT count(*) FROM holds WHERE ticket_type_id = $1", ticketTypeId));
    }
}
