using System.Net.Http.Json;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Industry;

/// <summary>Every role (and anonymous) against every industry route: the right 2xx, 401, 403 or 404.</summary>
public sealed class IndustryAuthorizationMatrixTests(IndustryApiFactory api) : IClassFixture<IndustryApiFactory>
{
    private const string Anonymous = "anonymous";

    [Fact]
    public async Task EveryRoleGetsTheRightAnswerOnEveryIndustryRoute()
    {
        var owner = await api.CreateUserAsync("organizer", "Owner");
        var designer = await api.DesignerAsync("Matriz");
        var model = await api.ModelAsync("Matriz");
        var sponsorUser = await api.CreateUserAsync("sponsor");
        var users = new Dictionary<string, TestUser?>
        {
            [Anonymous] = null,
            ["attendee"] = await api.CreateUserAsync(),
            ["sponsor"] = sponsorUser,
            ["designer"] = designer,
            ["otherDesigner"] = await api.DesignerAsync("Otra"),
            ["model"] = model,
            ["otherModel"] = await api.ModelAsync("Otra modelo"),
            ["owner"] = owner,
            ["otherOrganizer"] = await api.CreateUserAsync("organizer", "Other"),
            ["admin"] = new TestUser(Guid.Empty, ApiFactory.AdminEmail, ApiFactory.AdminPassword, await api.AdminTokenAsync()),
        };
        var show = await api.CreateOnSaleEventAsync(owner);
        var draft = await api.DraftEventAsync(owner);
        var collection = await api.CollectionAsync(designer);
        var sponsor = await api.SponsorAsync(owner);
        var otherOrganizer = users["otherOrganizer"]!;
        var othersShow = await api.CreateOnSaleEventAsync(otherOrganizer);
        using (var link = api.Client(owner.Token))
        {
            (await link.PutAsync($"/api/sponsors/{sponsor}/members/{sponsorUser.Id}", null)).EnsureSuccessStatusCode();
        }

        await api.SendAsync(designer.Token, HttpMethod.Post, $"/api/collections/{collection}/applications", new { eventId = show.Id });
        await api.SendAsync(owner.Token, HttpMethod.Put, $"/api/events/{show.Id}/models/{model.Id}", new { });
        await api.SendAsync(owner.Token, HttpMethod.Put, $"/api/events/{show.Id}/sponsors/{sponsor}", new { tier = "gold", contribution = 1 });
        var benefit = (await api.SendAsync(owner.Token, HttpMethod.Post, $"/api/events/{show.Id}/sponsors/{sponsor}/benefits",
            new { kind = "logo", description = "Logo" }, System.Net.HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var cases = new List<RouteCase>
        {
            new("GET /api/designers", _ => Send(HttpMethod.Get, "/api/designers"), All(200)),
            new("GET /api/designers/{id}", _ => Send(HttpMethod.Get, $"/api/designers/{designer.Id}"), All(200)),
            new("GET /api/designers/{id}/shows", _ => Send(HttpMethod.Get, $"/api/designers/{designer.Id}/shows"), All(200)),
            new("GET /api/me/designer", _ => Send(HttpMethod.Get, "/api/me/designer"), Only(200, "designer", "otherDesigner")),
            new("PUT /api/me/designer", _ => Send(HttpMethod.Put, "/api/me/designer", new { brandName = "Matriz" }), Only(200, "designer", "otherDesigner")),
            new("GET /api/me/designer/shows", _ => Send(HttpMethod.Get, "/api/me/designer/shows"), Only(200, "designer", "otherDesigner")),
            new("GET /api/models", _ => Send(HttpMethod.Get, "/api/models"), All(200)),
            new("GET /api/models/{id}", _ => Send(HttpMethod.Get, $"/api/models/{model.Id}"), All(200)),
            new("PUT /api/me/model", _ => Send(HttpMethod.Put, "/api/me/model", new { displayName = "Matriz" }), Only(200, "model", "otherModel")),
            new("GET /api/me/model/shows", _ => Send(HttpMethod.Get, "/api/me/model/shows"), Only(200, "model", "otherModel")),
            new("GET /api/models/{id}/photos", _ => Send(HttpMethod.Get, $"/api/models/{model.Id}/photos"), All(200)),
            new("POST /api/me/model/photos", _ => Task.FromResult(PhotoUpload()), Only(201, "model", "otherModel")),
            new("DELETE /api/me/model/photos/{model's}", async _ => await Send(HttpMethod.Delete, $"/api/me/model/photos/{await PhotoAsync(model)}"),
                role => role switch { Anonymous => 401, "model" => 204, "otherModel" => 404, _ => 403 }),
            new("GET /api/me/model/castings", _ => Send(HttpMethod.Get, "/api/me/model/castings"), Only(200, "model", "otherModel")),
            new("PUT /api/me/model/castings/{model's}", _ => Send(HttpMethod.Put, $"/api/me/model/castings/{show.Id}", new { answer = "accept" }),
                role => role switch { Anonymous => 401, "model" => 200, "otherModel" => 404, _ => 403 }),
            new("POST /api/collections/{designer's}/applications", _ => Send(HttpMethod.Post, $"/api/collections/{collection}/applications",
                new { eventId = show.Id }), Only(200, "designer")),
            new("DELETE /api/collections/{designer's}/applications/{event}", async _ => await Send(HttpMethod.Delete,
                $"/api/collections/{await AppliedCollectionAsync(designer, show.Id)}/applications/{show.Id}"), Only(204, "designer")),
            new("GET /api/me/designer/applications", _ => Send(HttpMethod.Get, "/api/me/designer/applications"), Only(200, "designer", "otherDesigner")),
            new("GET /api/collections/{id}", _ => Send(HttpMethod.Get, $"/api/collections/{collection}"), All(200)),
            new("POST /api/collections", _ => Send(HttpMethod.Post, "/api/collections", new { name = "Nueva" }), Only(201, "designer", "otherDesigner")),
            new("PUT /api/collections/{designer's}", _ => Send(HttpMethod.Put, $"/api/collections/{collection}", new { name = "Editada" }),
                Owned(200, "designer")),
            new("DELETE /api/collections/{designer's}", async _ => await Send(HttpMethod.Delete, $"/api/collections/{await api.CollectionAsync(designer)}"),
                Owned(204, "designer")),
            new("GET /api/events/{public}/lineup", _ => Send(HttpMethod.Get, $"/api/events/{show.Id}/lineup"), All(200)),
            new("GET /api/events/{draft}/lineup", _ => Send(HttpMethod.Get, $"/api/events/{draft}/lineup"),
                role => role is "owner" or "admin" ? 200 : 404),
            new("GET /api/events/{public}/applications", _ => Send(HttpMethod.Get, $"/api/events/{show.Id}/applications"), ManageOwn(200)),
            new("PUT /api/events/{public}/collections/{applied}", _ => Send(HttpMethod.Put, $"/api/events/{show.Id}/collections/{collection}"),
                ManageOwn(204)),
            new("DELETE /api/events/{public}/collections/{applied}", async _ => await Send(HttpMethod.Delete,
                $"/api/events/{show.Id}/collections/{await AppliedCollectionAsync(designer, show.Id)}"), ManageOwn(204)),
            new("GET /api/events/{public}/castings", _ => Send(HttpMethod.Get, $"/api/events/{show.Id}/castings"), ManageOwn(200)),
            new("PUT /api/events/{public}/models/{id}", _ => Send(HttpMethod.Put, $"/api/events/{show.Id}/models/{model.Id}", new { }),
                ManageOwn(200)),
            new("DELETE /api/events/{public}/models/{uncast}", _ => Send(HttpMethod.Delete, $"/api/events/{show.Id}/models/{Guid.NewGuid()}"),
                ManageOwn(404)),
            new("GET /api/events/{public}/running-order", _ => Send(HttpMethod.Get, $"/api/events/{show.Id}/running-order"), ManageOwn(200)),
            new("PUT /api/events/{public}/running-order", _ => Send(HttpMethod.Put, $"/api/events/{show.Id}/running-order",
                new { lines = Array.Empty<object>() }), ManageOwn(200)),
            new("GET /api/events/{public}/backstage", _ => Send(HttpMethod.Get, $"/api/events/{show.Id}/backstage"), ManageOwn(200)),
            new("POST /api/events/{public}/backstage", _ => Send(HttpMethod.Post, $"/api/events/{show.Id}/backstage",
                new { kind = "rehearsal", title = "Ensayo", startsAt = DateTimeOffset.UtcNow.AddDays(10) }), ManageOwn(201)),
            new("DELETE /api/events/{public}/backstage/{none}", _ => Send(HttpMethod.Delete, $"/api/events/{show.Id}/backstage/{Guid.NewGuid()}"),
                ManageOwn(404)),
            new("GET /api/me/agenda", _ => Send(HttpMethod.Get, "/api/me/agenda"), SignedIn(200)),
            new("GET /api/me/agenda.ics", _ => Send(HttpMethod.Get, "/api/me/agenda.ics"), SignedIn(200)),
            new("GET /api/events/{public}/sponsor-benefits", _ => Send(HttpMethod.Get, $"/api/events/{show.Id}/sponsor-benefits"), ManageOwn(200)),
            new("POST /api/events/{public}/sponsors/{id}/benefits", _ => Send(HttpMethod.Post, $"/api/events/{show.Id}/sponsors/{sponsor}/benefits",
                new { kind = "activation", description = "Stand" }), ManageOwn(201)),
            new("PUT /api/events/{public}/sponsors/{id}/benefits/{id}/delivered", _ => Send(HttpMethod.Put,
                $"/api/events/{show.Id}/sponsors/{sponsor}/benefits/{benefit}/delivered"), ManageOwn(200)),
            new("GET /api/me/sponsor/figures", _ => Send(HttpMethod.Get, "/api/me/sponsor/figures"), Only(200, "sponsor")),
            new("GET /api/sponsors/crm-state", _ => Send(HttpMethod.Get, "/api/sponsors/crm-state"), Organizers(200)),
            new("PUT /api/events/{public}/sponsors/{id}", _ => Send(HttpMethod.Put, $"/api/events/{show.Id}/sponsors/{sponsor}",
                new { tier = "gold", contribution = 1_000_000 }), ManageOwn(200)),
            new("GET /api/sponsors", _ => Send(HttpMethod.Get, "/api/sponsors"), Organizers(200)),
            new("POST /api/sponsors", _ => Send(HttpMethod.Post, "/api/sponsors", new { name = $"S {Guid.NewGuid():N}", tier = "partner" }),
                Organizers(201)),
            new("GET /api/sponsors/{owner's}", _ => Send(HttpMethod.Get, $"/api/sponsors/{sponsor}"), OwnSponsor(200)),
            new("PUT /api/sponsors/{owner's}", _ => Send(HttpMethod.Put, $"/api/sponsors/{sponsor}", new { name = $"Matriz {sponsor}", tier = "gold" }),
                OwnSponsor(200)),
            new("PUT /api/sponsors/{owner's}/members/{id}", _ => Send(HttpMethod.Put, $"/api/sponsors/{sponsor}/members/{sponsorUser.Id}"),
                OwnSponsor(204)),
            new("PUT /api/events/{other's}/sponsors/{owner's}", _ => Send(HttpMethod.Put, $"/api/events/{othersShow.Id}/sponsors/{sponsor}",
                new { tier = "gold", contribution = 5 }), role => role switch { Anonymous => 401, "admin" => 200, "otherOrganizer" => 404, _ => 403 }),
            new("DELETE /api/events/{public}/sponsors/{owner's}", async _ =>
                {
                    await AttachAsync(owner, show.Id, sponsor);
                    return await Send(HttpMethod.Delete, $"/api/events/{show.Id}/sponsors/{sponsor}");
                }, ManageOwn(204)),
            new("GET /api/me/sponsor", _ => Send(HttpMethod.Get, "/api/me/sponsor"), Only(200, "sponsor")),
        };

        Assert.Empty(await AuthorizationMatrix.MismatchesAsync(api, cases, users));
    }

    /// <summary>A fresh collection of <paramref name="designer"/> that applied to the show.</summary>
    private async Task<Guid> AppliedCollectionAsync(TestUser designer, Guid eventId)
    {
        var collection = await api.CollectionAsync(designer);
        await api.SendAsync(designer.Token, HttpMethod.Post, $"/api/collections/{collection}/applications", new { eventId });
        return collection;
    }

    /// <summary>A fresh photo in <paramref name="model"/>'s portfolio.</summary>
    private async Task<Guid> PhotoAsync(TestUser model) =>
        (await api.UploadAsync(model.Token, "/api/me/model/photos", IndustryCalls.Png(100), "image/png")).Body.GetProperty("id").GetGuid();

    private static HttpRequestMessage PhotoUpload()
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(IndustryCalls.Png(100));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "book.png");
        return new HttpRequestMessage(HttpMethod.Post, "/api/me/model/photos") { Content = form };
    }

    private static Task<HttpRequestMessage> Send(HttpMethod method, string path, object? body = null) =>
        Task.FromResult(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) });

    private static Func<string, int> All(int status) => _ => status;

    /// <summary>Only the given roles; everyone else signed in is refused by policy.</summary>
    private static Func<string, int> Only(int status, params string[] roles) =>
        role => role == Anonymous ? 401 : roles.Contains(role) ? status : 403;

    /// <summary>The owning designer and admins; any other signed-in user is told it is not theirs.</summary>
    private static Func<string, int> Owned(int status, string ownerRole) =>
        role => role switch
        {
            Anonymous => 401,
            "admin" => status,
            _ when role == ownerRole => status,
            _ => 403,
        };

    /// <summary>The sponsor's creator and admins; another organizer is told it does not exist (404), other roles are refused by policy.</summary>
    private static Func<string, int> OwnSponsor(int status) =>
        role => role switch { Anonymous => 401, "owner" or "admin" => status, "otherOrganizer" => 404, _ => 403 };

    private async Task AttachAsync(TestUser owner, Guid eventId, Guid sponsor)
    {
        using var client = api.Client(owner.Token);
        using var attached = await client.PutAsJsonAsync($"/api/events/{eventId}/sponsors/{sponsor}", new { tier = "gold", contribution = 1 });
        attached.EnsureSuccessStatusCode();
    }

    private static Func<string, int> SignedIn(int status) => role => role == Anonymous ? 401 : status;

    private static Func<string, int> Organizers(int status) =>
        role => role switch { Anonymous => 401, "owner" or "otherOrganizer" or "admin" => status, _ => 403 };

    /// <summary>The event's owner and admins; everyone else is refused (the event is public, so 403 rather than 404).</summary>
    private static Func<string, int> ManageOwn(int status) =>
        role => role switch { Anonymous => 401, "owner" or "admin" => status, _ => 403 };
}
