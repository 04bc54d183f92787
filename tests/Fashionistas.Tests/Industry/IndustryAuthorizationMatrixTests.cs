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

        var cases = new List<RouteCase>
        {
            new("GET /api/designers", _ => Send(HttpMethod.Get, "/api/designers"), All(200)),
            new("GET /api/designers/{id}", _ => Send(HttpMethod.Get, $"/api/designers/{designer.Id}"), All(200)),
            new("GET /api/me/designer", _ => Send(HttpMethod.Get, "/api/me/designer"), Only(200, "designer", "otherDesigner")),
            new("PUT /api/me/designer", _ => Send(HttpMethod.Put, "/api/me/designer", new { brandName = "Matriz" }), Only(200, "designer", "otherDesigner")),
            new("GET /api/me/designer/shows", _ => Send(HttpMethod.Get, "/api/me/designer/shows"), Only(200, "designer", "otherDesigner")),
            new("GET /api/models", _ => Send(HttpMethod.Get, "/api/models"), All(200)),
            new("GET /api/models/{id}", _ => Send(HttpMethod.Get, $"/api/models/{model.Id}"), All(200)),
            new("PUT /api/me/model", _ => Send(HttpMethod.Put, "/api/me/model", new { displayName = "Matriz" }), Only(200, "model")),
            new("GET /api/me/model/shows", _ => Send(HttpMethod.Get, "/api/me/model/shows"), Only(200, "model")),
            new("GET /api/collections/{id}", _ => Send(HttpMethod.Get, $"/api/collections/{collection}"), All(200)),
            new("POST /api/collections", _ => Send(HttpMethod.Post, "/api/collections", new { name = "Nueva" }), Only(201, "designer", "otherDesigner")),
            new("PUT /api/collections/{designer's}", _ => Send(HttpMethod.Put, $"/api/collections/{collection}", new { name = "Editada" }),
                Owned(200, "designer")),
            new("DELETE /api/collections/{designer's}", async _ => await Send(HttpMethod.Delete, $"/api/collections/{await api.CollectionAsync(designer)}"),
                Owned(204, "designer")),
            new("GET /api/events/{public}/lineup", _ => Send(HttpMethod.Get, $"/api/events/{show.Id}/lineup"), All(200)),
            new("GET /api/events/{draft}/lineup", _ => Send(HttpMethod.Get, $"/api/events/{draft}/lineup"),
                role => role is "owner" or "admin" ? 200 : 404),
            new("PUT /api/events/{public}/collections/{id}", _ => Send(HttpMethod.Put, $"/api/events/{show.Id}/collections/{collection}"),
                ManageOwn(204)),
            new("DELETE /api/events/{public}/models/{id}", _ => Send(HttpMethod.Delete, $"/api/events/{show.Id}/models/{model.Id}"),
                ManageOwn(404)),
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

    private static Func<string, int> Organizers(int status) =>
        role => role switch { Anonymous => 401, "owner" or "otherOrganizer" or "admin" => status, _ => 403 };

    /// <summary>The event's owner and admins; everyone else is refused (the event is public, so 403 rather than 404).</summary>
    private static Func<string, int> ManageOwn(int status) =>
        role => role switch { Anonymous => 401, "owner" or "admin" => status, _ => 403 };
}
