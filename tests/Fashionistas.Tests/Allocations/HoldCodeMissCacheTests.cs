using System.Net;
using Fashionistas.Tests.Infrastructure;
using static Fashionistas.Tests.Codes.CodeTestSteps;

namespace Fashionistas.Tests.Allocations;

/// <summary>
/// A code that no allocation has (a promo code, or none at all) is remembered for a while, so a sale's promo-code holds
/// do not each ask <c>ticket_allocations</c> first; an allocation created with that code is still honoured at once on
/// the node that created it. This node remembers a miss for a minute, so only the forgetting can make it honoured.
/// </summary>
public sealed class HoldCodeMissCacheTests(HoldCodeMissApiFactory api) : IClassFixture<HoldCodeMissApiFactory>
{
    [Fact]
    public async Task APromoCodeHoldAsksTheAllocationsOnceAndTheNextOnesDoNot()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, perBuyerLimit: 10, tierCapacities: 100);
        var tier = show.TicketTypeIds[0];
        var promo = await CreateCodeAsync(api, organizer, show.Id, new { code = "RAPIDO-10", percentOff = 10 });
        using var queries = new AllocationQueryCounter(api.Database.ConnectionString);

        var first = await HoldAsync(api, await api.CreateUserAsync(), tier, 1, "RAPIDO-10");
        var afterFirst = queries.Count;
        var later = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            later.Add((await HoldAsync(api, await api.CreateUserAsync(), tier, 1, i % 2 == 0 ? "rapido-10" : " RAPIDO-10 ")).Status);
        }

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(1, afterFirst);
        Assert.All(later, status => Assert.Equal(HttpStatusCode.Created, status));
        Assert.Equal(1, queries.Count);
        Assert.Equal(6, (await RowsAsync(api.Database.DataSource, promo)).ActiveHolds);
    }

    [Fact]
    public async Task AnAllocationCreatedOnThisNodeIsHonouredAtOnceThoughItsCodeWasRememberedAsNoAllocations()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, perBuyerLimit: 10, tierCapacities: 100);
        var tier = show.TicketTypeIds[0];
        using var queries = new AllocationQueryCounter(api.Database.ConnectionString);
        var buyer = await api.CreateUserAsync();

        var before = await HoldAsync(api, buyer, tier, 1, "CUPO-NUEVO");
        var again = await HoldAsync(api, buyer, tier, 1, "CUPO-NUEVO");
        var queriesBefore = queries.Count;
        var allocation = await api.AllocateAsync(organizer, show.Id, tier, 5, code: "cupo-nuevo", kind: "press");
        var after = await HoldAsync(api, buyer, tier, 2, "CUPO-NUEVO");

        Assert.Equal(HttpStatusCode.NotFound, before.Status);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal(1, queriesBefore);
        Assert.Equal(HttpStatusCode.Created, after.Status);
        var row = await api.AllocationRowAsync(allocation);
        Assert.Equal((5, 2, 0, 2L), (row.Quantity, row.Held, row.Sold, row.SeatsInHolds));
        Assert.Equal(0L, await api.PublicSeatsAsync(tier));
    }
}
