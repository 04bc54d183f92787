using System.Net;

namespace Fashionistas.Tests.Industry;

/// <summary>An event's show lineup: the organizer composes it, the public reads it, designers and models see their shows.</summary>
public sealed class LineupTests(IndustryApiFactory api) : IClassFixture<IndustryApiFactory>
{
    [Fact]
    public async Task TheOrganizerAcceptsAndDeclinesShowsAndModelsAndAnyoneReadsTheLineup()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var designer = await api.DesignerAsync("Hilos de Oro");
        var collection = await api.CollectionAsync(designer, "Filigrana");
        var model = await api.ModelAsync("Sofía Pardo");
        var sponsor = await api.SponsorAsync(organizer, "Café Sierra");
        var o = organizer.Token;

        await api.ShowCollectionAsync(organizer, show.Id, designer, collection);
        await api.SendAsync(o, HttpMethod.Put, $"/api/events/{show.Id}/collections/{collection}", expected: HttpStatusCode.NoContent);
        await api.CastModelAsync(organizer, show.Id, model);
        await api.SendAsync(o, HttpMethod.Put, $"/api/events/{show.Id}/sponsors/{sponsor}", new { tier = "title", contribution = 50_000_000 });

        var lineup = await api.GetAsync($"/api/events/{show.Id}/lineup");
        var entry = Assert.Single(lineup.GetProperty("shows").EnumerateArray());
        Assert.Equal(collection, entry.GetProperty("collectionId").GetGuid());
        Assert.Equal("Hilos de Oro", entry.GetProperty("brandName").GetString());
        Assert.Equal("Sofía Pardo", Assert.Single(lineup.GetProperty("models").EnumerateArray()).GetProperty("displayName").GetString());
        var publicSponsor = Assert.Single(lineup.GetProperty("sponsors").EnumerateArray());
        Assert.Equal("title", publicSponsor.GetProperty("tier").GetString());
        Assert.False(publicSponsor.TryGetProperty("contribution", out _));

        var designerShows = await api.GetAsync("/api/me/designer/shows", designer.Token);
        Assert.Equal(show.Id, Assert.Single(designerShows.EnumerateArray()).GetProperty("eventId").GetGuid());
        var modelShows = await api.GetAsync("/api/me/model/shows", model.Token);
        Assert.Equal(show.Id, Assert.Single(modelShows.EnumerateArray()).GetProperty("eventId").GetGuid());

        await api.SendAsync(o, HttpMethod.Delete, $"/api/events/{show.Id}/collections/{collection}", expected: HttpStatusCode.NoContent);
        await api.SendAsync(o, HttpMethod.Delete, $"/api/events/{show.Id}/models/{model.Id}", expected: HttpStatusCode.NoContent);
        await api.SendAsync(o, HttpMethod.Delete, $"/api/events/{show.Id}/models/{model.Id}", expected: HttpStatusCode.NotFound);
        lineup = await api.GetAsync($"/api/events/{show.Id}/lineup");
        Assert.Empty(lineup.GetProperty("shows").EnumerateArray());
        Assert.Empty(lineup.GetProperty("models").EnumerateArray());
        Assert.Empty((await api.GetAsync("/api/me/model/shows", model.Token)).EnumerateArray());
    }

    [Fact]
    public async Task ADraftsLineupIsHiddenFromEveryoneButItsOrganizerAndAdmins()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var draft = await api.DraftEventAsync(organizer);
        var designer = await api.DesignerAsync();
        var collection = await api.CollectionAsync(designer);
        await api.SendAsync(designer.Token, HttpMethod.Post, $"/api/collections/{collection}/applications", new { eventId = draft },
            HttpStatusCode.NotFound);
        await api.ScalarAsync<int>(
            "INSERT INTO event_collections (event_id, collection_id, status) VALUES ($1, $2, 'accepted') RETURNING 1", draft, collection);

        await api.GetAsync($"/api/events/{draft}/lineup", expected: HttpStatusCode.NotFound);
        await api.GetAsync($"/api/events/{draft}/lineup", designer.Token, HttpStatusCode.NotFound);
        Assert.Single((await api.GetAsync($"/api/events/{draft}/lineup", organizer.Token)).GetProperty("shows").EnumerateArray());
        Assert.Single((await api.GetAsync($"/api/events/{draft}/lineup", await api.AdminTokenAsync())).GetProperty("shows").EnumerateArray());
    }

    [Fact]
    public async Task AnotherOrganizerCannotTouchTheLineup()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var other = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var model = await api.ModelAsync();

        await api.SendAsync(other.Token, HttpMethod.Put, $"/api/events/{show.Id}/models/{model.Id}", new { }, HttpStatusCode.Forbidden);
        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/events/{show.Id}/models/{Guid.NewGuid()}", new { }, HttpStatusCode.NotFound);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM event_models WHERE event_id = $1", show.Id));
    }
}
