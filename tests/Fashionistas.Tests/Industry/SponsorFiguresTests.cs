using System.Net;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Industry;

/// <summary>Sponsorship packages: benefits delivered, placement views counted by the server, CRM state per organizer.</summary>
public sealed class SponsorFiguresTests(IndustryApiFactory api) : IClassFixture<IndustryApiFactory>
{
    [Fact]
    public async Task ASponsorSeesItsOwnBenefitsAndThePublicViewsOfItsPlacement()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var sponsor = await api.SponsorAsync(organizer, $"Aguardiente {Guid.NewGuid():N}");
        var rival = await api.SponsorAsync(organizer);
        var member = await LinkedMemberAsync(organizer, sponsor);
        var rivalMember = await LinkedMemberAsync(organizer, rival);
        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/events/{show.Id}/sponsors/{sponsor}", new { tier = "gold", contribution = 20_000_000 });
        var logo = (await api.SendAsync(organizer.Token, HttpMethod.Post, $"/api/events/{show.Id}/sponsors/{sponsor}/benefits",
            new { kind = "logo", description = "Logo en la página del evento" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await api.SendAsync(organizer.Token, HttpMethod.Post, $"/api/events/{show.Id}/sponsors/{sponsor}/benefits",
            new { kind = "activation", description = "Stand de degustación" }, HttpStatusCode.Created);
        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/events/{show.Id}/sponsors/{sponsor}/benefits/{logo}/delivered");
        await api.SendAsync(organizer.Token, HttpMethod.Post, $"/api/events/{show.Id}/sponsors/{rival}/benefits",
            new { kind = "logo", description = "Sin patrocinio" }, HttpStatusCode.NotFound);

        for (var i = 0; i < 3; i++)
        {
            await api.GetAsync($"/api/events/{show.Id}/lineup");
        }

        await api.GetAsync($"/api/events/{show.Id}/lineup", organizer.Token);

        Assert.True(await Eventually.TrueAsync(async () => await ViewsAsync(show.Id, sponsor) >= 3, FlushWait));
        var figures = await api.GetAsync("/api/me/sponsor/figures", member.Token);
        Assert.Equal(sponsor, figures.GetProperty("sponsor").GetProperty("id").GetGuid());
        var showFigures = Assert.Single(figures.GetProperty("events").EnumerateArray());
        Assert.Equal(3, showFigures.GetProperty("placementViews").GetInt64());
        var benefits = showFigures.GetProperty("benefits").EnumerateArray().ToList();
        Assert.Equal(2, benefits.Count);
        Assert.Equal(1, benefits.Count(b => b.GetProperty("deliveredAt").ValueKind != System.Text.Json.JsonValueKind.Null));
        Assert.Empty((await api.GetAsync("/api/me/sponsor/figures", rivalMember.Token)).GetProperty("events").EnumerateArray());
    }

    [Fact]
    public async Task ParallelPublicReadsOfTheLineupAreEachCountedOnce()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var sponsor = await api.SponsorAsync(organizer);
        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/events/{show.Id}/sponsors/{sponsor}", new { tier = "silver", contribution = 1 });
        const int reads = 40;

        await Task.WhenAll(Enumerable.Range(0, reads).Select(_ => api.GetAsync($"/api/events/{show.Id}/lineup")));

        Assert.True(await Eventually.TrueAsync(async () => await ViewsAsync(show.Id, sponsor) >= reads, FlushWait));
        Assert.Equal((long)reads, await ViewsAsync(show.Id, sponsor));
    }

    /// <summary>How long counted views may take to reach the database (flushed every 100 ms in this fixture).</summary>
    private static readonly TimeSpan FlushWait = TimeSpan.FromSeconds(10);

    private Task<long> ViewsAsync(Guid eventId, Guid sponsor) => api.ScalarAsync<long>(
        "SELECT COALESCE(sum(views), 0)::bigint FROM sponsor_placement_views WHERE event_id = $1 AND sponsor_id = $2", eventId, sponsor);

    [Fact]
    public async Task OrganizersSeeTheCrmStateOfOnlyTheirOwnSponsorsAndAdminsOfAll()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var other = await api.CreateUserAsync("organizer");
        var sponsor = await api.SponsorAsync(organizer);

        var mine = (await api.GetAsync("/api/sponsors/crm-state", organizer.Token)).EnumerateArray().ToList();
        var row = Assert.Single(mine, s => s.GetProperty("id").GetGuid() == sponsor);
        Assert.True(row.GetProperty("pendingSyncs").GetInt32() >= 0);
        Assert.All(mine, s => Assert.NotEqual(System.Text.Json.JsonValueKind.Undefined, s.GetProperty("crmCompanyId").ValueKind));
        Assert.DoesNotContain((await api.GetAsync("/api/sponsors/crm-state", other.Token)).EnumerateArray(),
            s => s.GetProperty("id").GetGuid() == sponsor);
        Assert.Contains((await api.GetAsync("/api/sponsors/crm-state", await api.AdminTokenAsync())).EnumerateArray(),
            s => s.GetProperty("id").GetGuid() == sponsor);
    }

    private async Task<TestUser> LinkedMemberAsync(TestUser organizer, Guid sponsor)
    {
        var member = await api.CreateUserAsync("sponsor");
        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/sponsors/{sponsor}/members/{member.Id}", expected: HttpStatusCode.NoContent);
        return member;
    }
}
