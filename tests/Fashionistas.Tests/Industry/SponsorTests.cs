using System.Net;

namespace Fashionistas.Tests.Industry;

/// <summary>Sponsors and sponsorships with the CRM off (the default): the outbox still records each change.</summary>
public sealed class SponsorTests(IndustryApiFactory api) : IClassFixture<IndustryApiFactory>
{
    [Fact]
    public async Task ASponsorUserSeesTheirSponsorAndItsSponsorships()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var sponsor = await api.SponsorAsync(organizer, "Textiles Andinos");
        var member = await api.CreateUserAsync("sponsor");
        await api.GetAsync("/api/me/sponsor", member.Token, HttpStatusCode.NotFound);

        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/sponsors/{sponsor}/members/{member.Id}", expected: HttpStatusCode.NoContent);
        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/events/{show.Id}/sponsors/{sponsor}", new { tier = "silver", contribution = 12_500_000 });

        var mine = await api.GetAsync("/api/me/sponsor", member.Token);
        Assert.Equal("Textiles Andinos", mine.GetProperty("sponsor").GetProperty("name").GetString());
        var sponsorship = Assert.Single(mine.GetProperty("sponsorships").EnumerateArray());
        Assert.Equal(12_500_000L, sponsorship.GetProperty("contribution").GetInt64());
        Assert.Equal("silver", sponsorship.GetProperty("tier").GetString());
    }

    [Fact]
    public async Task OnlyUsersWithTheSponsorRoleCanBeLinked()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var sponsor = await api.SponsorAsync(organizer);
        var attendee = await api.CreateUserAsync();

        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/sponsors/{sponsor}/members/{attendee.Id}", expected: HttpStatusCode.Conflict);
        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/sponsors/{sponsor}/members/{Guid.NewGuid()}", expected: HttpStatusCode.NotFound);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM sponsor_members WHERE sponsor_id = $1", sponsor));
    }

    [Fact]
    public async Task EachSponsorChangeIsQueuedForTheCrmAndCompletedWithoutACallWhileTheCrmIsOff()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var sponsor = await api.SponsorAsync(organizer);
        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/sponsors/{sponsor}", new { name = "Renombrada " + sponsor, tier = "partner" });
        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/events/{show.Id}/sponsors/{sponsor}", new { tier = "gold", contribution = 1 });
        await api.SendAsync(organizer.Token, HttpMethod.Delete, $"/api/events/{show.Id}/sponsors/{sponsor}", expected: HttpStatusCode.NoContent);

        const string rows = "SELECT count(*) FROM outbox WHERE kind = 'crm.sponsor.upsert' AND payload ->> 'sponsorId' = $1";
        Assert.Equal(4L, await api.ScalarAsync<long>(rows, sponsor.ToString()));
        Assert.True(await Fashionistas.Tests.Infrastructure.Eventually.TrueAsync(
            async () => await api.ScalarAsync<long>(rows + " AND processed_at IS NULL", sponsor.ToString()) == 0, TimeSpan.FromSeconds(30)));
        Assert.True(await api.ScalarAsync<bool>("SELECT crm_company_id IS NULL FROM sponsors WHERE id = $1", sponsor));
    }

    [Fact]
    public async Task OnlyTheOrganizerWhoAddedASponsorOrAnAdminEditsItOthersAreToldItDoesNotExist()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var other = await api.CreateUserAsync("organizer");
        var sponsor = await api.SponsorAsync(organizer);
        var edit = new { name = "Tomada " + sponsor, tier = "title" };

        await api.SendAsync(other.Token, HttpMethod.Put, $"/api/sponsors/{sponsor}", edit, HttpStatusCode.NotFound);
        var edited = await api.SendAsync(await api.AdminTokenAsync(), HttpMethod.Put, $"/api/sponsors/{sponsor}", edit);
        Assert.Equal("title", edited.GetProperty("tier").GetString());
    }

    [Fact]
    public async Task AnotherOrganizerNeitherListsNorReadsNorAttachesASponsorTheyDidNotAdd()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var other = await api.CreateUserAsync("organizer");
        var sponsor = await api.SponsorAsync(organizer);
        var theirs = await api.SponsorAsync(other);
        var othersShow = await api.CreateOnSaleEventAsync(other);

        var listed = await api.SendAsync(other.Token, HttpMethod.Get, "/api/sponsors?pageSize=100");
        var all = await api.SendAsync(await api.AdminTokenAsync(), HttpMethod.Get, "/api/sponsors?pageSize=100");
        await api.SendAsync(other.Token, HttpMethod.Get, $"/api/sponsors/{sponsor}", expected: HttpStatusCode.NotFound);
        await api.SendAsync(other.Token, HttpMethod.Put, $"/api/events/{othersShow.Id}/sponsors/{sponsor}",
            new { tier = "gold", contribution = 1 }, HttpStatusCode.NotFound);

        var ids = listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([theirs], ids);
        Assert.Equal(1, listed.GetProperty("total").GetInt64());
        Assert.Contains(all.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == sponsor);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM event_sponsors WHERE sponsor_id = $1", sponsor));
    }
}
