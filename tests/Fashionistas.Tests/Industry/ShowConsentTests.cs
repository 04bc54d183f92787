using System.Net;

namespace Fashionistas.Tests.Industry;

/// <summary>Nobody joins a show without agreeing: designers apply, models accept their castings.</summary>
public sealed class ShowConsentTests(IndustryApiFactory api) : IClassFixture<IndustryApiFactory>
{
    [Fact]
    public async Task ACollectionJoinsTheLineupOnlyAfterItsDesignerAppliesAndTheOrganizerAccepts()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var designer = await api.DesignerAsync("Tejidos Wayuu");
        var collection = await api.CollectionAsync(designer, "Mochila");

        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/events/{show.Id}/collections/{collection}", expected: HttpStatusCode.NotFound);
        Assert.Empty((await api.GetAsync($"/api/events/{show.Id}/lineup")).GetProperty("shows").EnumerateArray());

        var applied = await api.SendAsync(designer.Token, HttpMethod.Post, $"/api/collections/{collection}/applications",
            new { eventId = show.Id, note = "Cierre del desfile" });
        Assert.Equal("applied", applied.GetProperty("status").GetString());
        Assert.Empty((await api.GetAsync($"/api/events/{show.Id}/lineup")).GetProperty("shows").EnumerateArray());
        var pending = Assert.Single((await api.GetAsync($"/api/events/{show.Id}/applications", organizer.Token)).EnumerateArray());
        Assert.Equal("Cierre del desfile", pending.GetProperty("note").GetString());

        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/events/{show.Id}/collections/{collection}", expected: HttpStatusCode.NoContent);
        Assert.Single((await api.GetAsync($"/api/events/{show.Id}/lineup")).GetProperty("shows").EnumerateArray());
        var mine = Assert.Single((await api.GetAsync("/api/me/designer/applications", designer.Token)).EnumerateArray());
        Assert.Equal("accepted", mine.GetProperty("status").GetString());

        await api.SendAsync(designer.Token, HttpMethod.Delete, $"/api/collections/{collection}/applications/{show.Id}", expected: HttpStatusCode.NoContent);
        Assert.Empty((await api.GetAsync($"/api/events/{show.Id}/lineup")).GetProperty("shows").EnumerateArray());
    }

    [Fact]
    public async Task ADeclinedCollectionStaysOutOfTheLineupAndCannotReapply()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var designer = await api.DesignerAsync();
        var collection = await api.CollectionAsync(designer);
        await api.SendAsync(designer.Token, HttpMethod.Post, $"/api/collections/{collection}/applications", new { eventId = show.Id });

        await api.SendAsync(organizer.Token, HttpMethod.Delete, $"/api/events/{show.Id}/collections/{collection}", expected: HttpStatusCode.NoContent);

        Assert.Empty((await api.GetAsync($"/api/events/{show.Id}/lineup")).GetProperty("shows").EnumerateArray());
        Assert.Equal("declined", Assert.Single((await api.GetAsync("/api/me/designer/applications", designer.Token)).EnumerateArray())
            .GetProperty("status").GetString());
        await api.SendAsync(designer.Token, HttpMethod.Post, $"/api/collections/{collection}/applications", new { eventId = show.Id },
            HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AModelIsInTheLineupOnlyAfterAcceptingTheCastingWithItsCallTime()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var model = await api.ModelAsync("Daniela Ospina");
        var callTime = new DateTimeOffset(2030, 5, 1, 14, 30, 0, TimeSpan.FromHours(-5));

        var invited = await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/events/{show.Id}/models/{model.Id}",
            new { callTime, note = "Traer tacones negros" });
        Assert.Equal("invited", invited.GetProperty("status").GetString());
        Assert.Empty((await api.GetAsync($"/api/events/{show.Id}/lineup")).GetProperty("models").EnumerateArray());

        var casting = Assert.Single((await api.GetAsync("/api/me/model/castings", model.Token)).EnumerateArray());
        Assert.Equal(callTime, casting.GetProperty("callTime").GetDateTimeOffset());
        Assert.Equal("Traer tacones negros", casting.GetProperty("note").GetString());

        await api.SendAsync(model.Token, HttpMethod.Put, $"/api/me/model/castings/{show.Id}", new { answer = "accept" });
        Assert.Single((await api.GetAsync($"/api/events/{show.Id}/lineup")).GetProperty("models").EnumerateArray());

        await api.SendAsync(model.Token, HttpMethod.Put, $"/api/me/model/castings/{show.Id}", new { answer = "decline" });
        Assert.Empty((await api.GetAsync($"/api/events/{show.Id}/lineup")).GetProperty("models").EnumerateArray());
    }

    [Fact]
    public async Task AModelCannotAnswerAnotherModelsCasting()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var invited = await api.ModelAsync("Invitada");
        var other = await api.ModelAsync("Otra");
        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/events/{show.Id}/models/{invited.Id}", new { });

        await api.SendAsync(other.Token, HttpMethod.Put, $"/api/me/model/castings/{show.Id}", new { answer = "accept" }, HttpStatusCode.NotFound);

        Assert.Equal("invited", await api.ScalarAsync<string>(
            "SELECT status FROM event_models WHERE event_id = $1 AND model_id = $2", show.Id, invited.Id));
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM event_models WHERE model_id = $1", other.Id));
    }

    [Fact]
    public async Task ADesignerCannotApplyToADraftTheyCannotSee()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var draft = await api.DraftEventAsync(organizer);
        var designer = await api.DesignerAsync();

        await api.SendAsync(designer.Token, HttpMethod.Post, $"/api/collections/{await api.CollectionAsync(designer)}/applications",
            new { eventId = draft }, HttpStatusCode.NotFound);

        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM event_collections WHERE event_id = $1", draft));
    }
}
