using System.Collections.Concurrent;
using Fashionistas.Grains.Contracts;
using Fashionistas.Tests.Grains.Support;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Grains;

public sealed class ConcurrentHoldTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private const int Seats = 1_000;
    private const int Buyers = 2_000;
    private const int Requests = 20_000;
    private const int PerBuyerLimit = 4;

    [Fact]
    public async Task TwentyThousandConcurrentHoldsNeverOversellNorExceedTheBuyerLimit()
    {
        // Every request is queued at once, so the mailbox must hold them all (a real client would retry on 503).
        await using var silo = await InventorySilo.StartAsync(db.DataSource, inventory: o => o.MaxWaitingCalls = Requests * 2);
        var users = await TestData.UsersAsync(db.DataSource, Buyers + 1);
        var (_, ticketTypeId) = await TestData.OnSaleAsync(
            silo, users[0], TestData.TicketType(capacity: Seats, perBuyerLimit: PerBuyerLimit), eventCapacity: Seats);
        var grain = silo.Get<ITicketTypeGrain>(ticketTypeId);
        var accepted = new ConcurrentBag<HoldInfo>();

        await Task.WhenAll(Enumerable.Range(0, Requests).Select(i => Task.Run(async () =>
        {
            var buyer = users[1 + (i % Buyers)];
            var quantity = 1 + (i % 2);
            var key = i % 3 == 0 ? $"request-{i}" : null;
            if (await grain.Hold(new HoldRequest(buyer, quantity, key)) is HoldResult.Accepted ok)
            {
                accepted.Add(ok.Hold);
            }
        })));

        Assert.Equal(Seats, accepted.Sum(h => h.Quantity));
        Assert.All(accepted.GroupBy(h => h.BuyerId), g => Assert.InRange(g.Sum(h => h.Quantity), 1, PerBuyerLimit));
        Assert.Equal(Seats, await TestData.ScalarAsync<int>(db.DataSource, "SELECT held FROM ticket_types WHERE id = $1", ticketTypeId));
        Assert.Equal(Seats, (int)await TestData.ScalarAsync<long>(
            db.DataSource, "SELECT sum(quantity) FROM holds WHERE ticket_type_id = $1 AND status = 'active'", ticketTypeId));
        Assert.Equal(accepted.Count, (int)await TestData.ScalarAsync<long>(
            db.DataSource, "SELECT count(*) FROM holds WHERE ticket_type_id = $1", ticketTypeId));
        Assert.True(await TestData.ScalarAsync<bool>(db.DataSource, """
            SELECT coalesce(max(seats), 0) <= $2 FROM (
                SELECT sum(quantity) AS seats FROM holds WHERE ticket_type_id = $1 AND status = 'active' GROUP BY buyer_id) AS per_buyer
            """, ticketTypeId, PerBuyerLimit));
    }
}
