using System.Net;
using Fashionistas.Tests.Infrastructure;
using Fashionistas.Tests.Waitlist;

namespace Fashionistas.Tests.MultiTier;

/// <summary>Thousands of buyers hold two tiers at once while one of them is nearly sold out: all or nothing, checked in the database.</summary>
public sealed class MultiTierHoldRaceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const int Buyers = 2000;
    private const int ScarceSeats = 150;

    [Fact]
    public async Task ARaceForTwoTiersNeverLeavesAGroupWithOneTierHeldAndTotalsAreExact()
    {
        var shop = new MultiTierDriver(api);
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: [10_000, ScarceSeats]);
        var (plenty, scarce) = (show.TicketTypeIds[0], show.TicketTypeIds[1]);
        var buyers = await BulkUsers.CreateAsync(api, Buyers);

        var answers = await Task.WhenAll(buyers.Select(async b => (await shop.HoldAsync(b, show.Id, (plenty, 2), (scarce, 1))).Status));

        Assert.All(answers, s => Assert.Contains(s, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.ServiceUnavailable }));
        var held = answers.Count(s => s == HttpStatusCode.Created);
        Assert.InRange(held, 1, ScarceSeats);

        // No group with a tier missing, no tier held outside a group, and the counters are the holds.
        Assert.Equal(0, await shop.ScalarAsync("""
            SELECT count(*) FROM hold_groups g
            WHERE g.event_id = $1
              AND (SELECT count(*) FROM holds h WHERE h.group_id = g.id AND h.status = 'active') <> 2
            """, show.Id));
        Assert.Equal(0, await shop.ScalarAsync("SELECT count(*) FROM holds WHERE event_id = $1 AND status = 'active' AND group_id IS NULL", show.Id));
        Assert.Equal(held, await shop.ScalarAsync("SELECT count(*) FROM hold_groups WHERE event_id = $1", show.Id));
        Assert.Equal(2L * held, await shop.ScalarAsync("SELECT held FROM ticket_types WHERE id = $1", plenty));
        Assert.Equal(held, await shop.ScalarAsync("SELECT held FROM ticket_types WHERE id = $1", scarce));
        Assert.Equal(2L * held, await shop.ScalarAsync("SELECT coalesce(sum(quantity), 0) FROM holds WHERE ticket_type_id = $1 AND status = 'active'", plenty));

        // Every tier costs 100.000 COP: a group of 2 + 1 seats is 300.000 COP, on the group and on its holds.
        Assert.Equal(300_000L * held, await shop.ScalarAsync("SELECT coalesce(sum(total), 0) FROM hold_groups WHERE event_id = $1", show.Id));
        Assert.Equal(0, await shop.ScalarAsync("""
            SELECT count(*) FROM hold_groups g
            WHERE g.event_id = $1 AND g.total <> (SELECT sum(h.total) FROM holds h WHERE h.group_id = g.id)
            """, show.Id));

        // One deadline per group: every hold of a group ends when the group does.
        Assert.Equal(0, await shop.ScalarAsync("""
            SELECT count(*) FROM holds h JOIN hold_groups g ON g.id = h.group_id
            WHERE g.event_id = $1 AND h.expires_at <> g.expires_at
            """, show.Id));
    }
}
