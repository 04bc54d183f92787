using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Api;

/// <summary>Every role (and anonymous) against every route: the right 2xx, 401, 403 or 404.</summary>
public sealed class AuthorizationMatrixTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Anonymous = "anonymous";

    [Fact]
    public async Task EveryRoleGetsTheRightAnswerOnEveryRoute()
    {
        var owner = await api.CreateUserAsync("organizer", "Owner");
        var users = new Dictionary<string, TestUser?>
        {
            [Anonymous] = null,
            ["attendee"] = await api.CreateUserAsync(),
            ["sponsor"] = await api.CreateUserAsync("sponsor"),
            ["designer"] = await api.CreateUserAsync("designer"),
            ["model"] = await api.CreateUserAsync("model"),
            ["owner"] = owner,
            ["otherOrganizer"] = await api.CreateUserAsync("organizer", "Other"),
            ["admin"] = new TestUser(Guid.Empty, ApiFactory.AdminEmail, ApiFactory.AdminPassword, await api.AdminTokenAsync()),
        };
        var ids = users.Where(u => u.Value is not null).ToDictionary(u => u.Key, u => u.Value!.Id);
        ids["admin"] = await api.UserIdAsync(users["admin"]!.Token);
        var show = await api.CreateOnSaleEventAsync(owner, perBuyerLimit: 100, eventCapacity: 2000, tierCapacities: 1000);
        var tier = show.TicketTypeIds[0];
        var someone = await api.CreateUserAsync();
        var soldOut = (await api.CreateOnSaleEventAsync(owner, tierCapacities: 1)).TicketTypeIds[0];
        await HoldAsync(someone, soldOut);
        await CodeAsync(owner, show.Id, "MATRIZ");
        var queued = await api.CreateOnSaleEventAsync(owner);
        var room = new { opensAt = DateTimeOffset.UtcNow.AddDays(-1), mode = "automatic", shoppingMinutes = 10 };
        using (var organizer = api.Client(owner.Token))
        {
            (await organizer.PutAsJsonAsync($"/api/events/{queued.Id}/waiting-room", room)).EnsureSuccessStatusCode();
        }
        var someonesTicket = await TicketAsync(someone, show.Id, tier);

        // Each case builds its own target (a fresh draft, a fresh hold) so that one role's success cannot change
        // what the next role sees.
        var cases = new List<RouteCase>
        {
            new("GET /api/events", _ => Get("/api/events"), All(200)),
            new("GET /api/events/{public}", _ => Get($"/api/events/{show.Id}"), All(200)),
            new("GET /api/events/{public}/availability", _ => Get($"/api/events/{show.Id}/availability"), All(200)),
            new("GET /api/events/{draft}", async _ => await Get($"/api/events/{await DraftAsync(owner)}"), Draft(200)),
            new("POST /api/events", _ => Task.FromResult(Send(HttpMethod.Post, "/api/events", NewEvent())), Manage(201, 201)),
            new("PUT /api/events/{draft}", async _ => Send(HttpMethod.Put, $"/api/events/{await DraftAsync(owner)}", NewEvent()), ManageOwn(200, hidden: 404)),
            new("DELETE /api/events/{draft}", async _ => Send(HttpMethod.Delete, $"/api/events/{await DraftAsync(owner)}"), ManageOwn(204, hidden: 404)),
            new("POST /api/events/{draft}/status review", async _ => Send(HttpMethod.Post, $"/api/events/{await DraftAsync(owner)}/status",
                new { status = "review", reason = "ready" }), ManageOwn(200, hidden: 404)),
            new("POST /api/events/{inReview}/status published", async _ => Send(HttpMethod.Post, $"/api/events/{await InReviewAsync(owner)}/status",
                new { status = "published" }), ManageOwn(200, hidden: 404, ownerStatus: 403)),
            new("POST /api/events/{public}/ticket-types", _ => Task.FromResult(Send(HttpMethod.Post, $"/api/events/{show.Id}/ticket-types", NewTier())),
                ManageOwn(201, hidden: 403)),
            new("PUT /api/events/{public}/ticket-types/{id}", _ => Task.FromResult(Send(HttpMethod.Put, $"/api/events/{show.Id}/ticket-types/{tier}",
                NewTier(1000))), ManageOwn(200, hidden: 403)),
            new("POST /api/ticket-types/{id}/holds", _ => Task.FromResult(Send(HttpMethod.Post, $"/api/ticket-types/{tier}/holds", new { quantity = 1 })),
                SignedIn(201)),
            new("GET /api/holds/{someone's}", async _ => await Get($"/api/holds/{await HoldAsync(someone, tier)}"), OnlyAdmin(200, others: 404)),
            new("DELETE /api/holds/{someone's}", async _ => Send(HttpMethod.Delete, $"/api/holds/{await HoldAsync(someone, tier)}"), SignedIn(404)),
            new("POST /api/events/{public}/holds (several tiers)", _ => Task.FromResult(Send(HttpMethod.Post, $"/api/events/{show.Id}/holds",
                new { items = new[] { new { ticketTypeId = tier, quantity = 1 } } })), SignedIn(201)),
            new("GET /api/hold-groups/{someone's}", async _ => await Get($"/api/hold-groups/{await GroupHoldAsync(someone, show.Id, tier)}"), OnlyAdmin(200, others: 404)),
            new("DELETE /api/holds/{someone's group}", async _ => Send(HttpMethod.Delete, $"/api/holds/{await GroupHoldAsync(someone, show.Id, tier)}"), SignedIn(404)),
            new("GET /api/events/{public}/attendee-settings", _ => Get($"/api/events/{show.Id}/attendee-settings"), All(200)),
            new("PUT /api/events/{public}/attendee-settings", _ => Task.FromResult(Send(HttpMethod.Put, $"/api/events/{show.Id}/attendee-settings",
                new { documentRequired = false })), ManageOwn(200, hidden: 403)),
            new("PUT /api/tickets/{someone's}/attendee", _ => Task.FromResult(Send(HttpMethod.Put, $"/api/tickets/{someonesTicket}/attendee",
                new { name = "Intruso" })), SignedIn(404)),
            new("PUT /api/tickets/attendees (someone's)", _ => Task.FromResult(Send(HttpMethod.Put, "/api/tickets/attendees",
                new { attendees = new[] { new { code = someonesTicket, name = "Intruso" } } })), SignedIn(404)),
            new("GET /api/me", _ => Get("/api/me"), SignedIn(200)),
            new("POST /api/ticket-types/{soldOut}/waitlist", _ => Task.FromResult(Send(HttpMethod.Post, $"/api/ticket-types/{soldOut}/waitlist")),
                SignedIn(201)),
            new("DELETE /api/ticket-types/{id}/waitlist (not on it)", _ => Task.FromResult(Send(HttpMethod.Delete, $"/api/ticket-types/{tier}/waitlist")),
                SignedIn(404)),
            new("GET /api/me/waitlist", _ => Get("/api/me/waitlist"), SignedIn(200)),
            new("GET /api/events/{public}/codes", _ => Get($"/api/events/{show.Id}/codes"), ManageOwn(200, hidden: 403)),
            new("POST /api/events/{public}/codes", _ => Task.FromResult(Send(HttpMethod.Post, $"/api/events/{show.Id}/codes",
                new { code = NewCode(), percentOff = 10 })), ManageOwn(201, hidden: 403)),
            new("DELETE /api/events/{public}/codes/{id}", async _ => Send(HttpMethod.Delete,
                $"/api/events/{show.Id}/codes/{await CodeAsync(owner, show.Id, NewCode())}"), ManageOwn(204, hidden: 403)),
            new("GET /api/events/{public}/code-check", _ => Get($"/api/events/{show.Id}/code-check?code=matriz"), SignedIn(200)),
            new("GET /api/events/{public}/waitlists", _ => Get($"/api/events/{show.Id}/waitlists"), ManageOwn(200, hidden: 403)),
            new("PUT /api/me/password (wrong current)", _ => Task.FromResult(Send(HttpMethod.Put, "/api/me/password",
                new { currentPassword = "not-the-password", newPassword = "Another-password-1" })), SignedIn(400)),
            new("GET /api/events/{public}/attendees.csv", _ => Get($"/api/events/{show.Id}/attendees.csv"), ManageOwn(200, hidden: 403)),
            new("GET /api/events/{public}/staff", _ => Get($"/api/events/{show.Id}/staff"), ManageOwn(200, hidden: 403)),
            new("GET /api/me/door-events", _ => Get("/api/me/door-events"), SignedIn(200)),
            new("GET /api/events/{public}/orders", _ => Get($"/api/events/{show.Id}/orders"), ManageOwn(200, hidden: 403)),
            new("GET /api/users", _ => Get("/api/users?search=a&role=attendee"), OnlyAdmin(200, others: 403)),
            new("GET /api/users/{id}", _ => Get($"/api/users/{someone.Id}"), OnlyAdmin(200, others: 403)),
            new("PUT /api/users/{id}/roles", _ => Task.FromResult(Send(HttpMethod.Put, $"/api/users/{someone.Id}/roles", new { roles = new[] { "attendee" } })),
                OnlyAdmin(200, others: 403)),
            new("PUT /api/users/{self}/roles (raise own)", role => Task.FromResult(Send(HttpMethod.Put, $"/api/users/{ids.GetValueOrDefault(role)}/roles",
                new { roles = new[] { "admin", "organizer", "sponsor" } })), SignedIn(403)),
            new("GET /api/events/{public}/allocations", _ => Get($"/api/events/{show.Id}/allocations"), ManageOwn(200, hidden: 403)),
            new("POST /api/events/{public}/allocations", _ => Task.FromResult(Send(HttpMethod.Post, $"/api/events/{show.Id}/allocations",
                new { ticketTypeId = tier, kind = "press", name = "Prensa", quantity = 1 })), ManageOwn(201, hidden: 403)),
            new("POST /api/events/{public}/allocations/{id}/tickets", async _ => Send(HttpMethod.Post,
                $"/api/events/{show.Id}/allocations/{await AllocationAsync(owner, show.Id, tier)}/tickets",
                new { guests = new[] { new { name = "Invitada", email = $"g-{Guid.NewGuid():N}@fashionistas.test" } } }), ManageOwn(200, hidden: 403)),
            new("POST /api/events/{public}/allocations/{id}/release", async _ => Send(HttpMethod.Post,
                $"/api/events/{show.Id}/allocations/{await AllocationAsync(owner, show.Id, tier)}/release"), ManageOwn(200, hidden: 403)),
            new("GET /api/me/sponsor/allocations (not linked)", _ => Get("/api/me/sponsor/allocations"), OnlySponsor(404)),
            new("POST /api/me/sponsor/allocations/{another's}/tickets", async _ => Send(HttpMethod.Post,
                $"/api/me/sponsor/allocations/{await AllocationAsync(owner, show.Id, tier)}/tickets",
                new { guests = new[] { new { name = "Intruso", email = $"x-{Guid.NewGuid():N}@fashionistas.test" } } }), OnlySponsor(404)),
            new("GET /api/events/{queued}/queue", _ => Get($"/api/events/{queued.Id}/queue"), All(200)),
            new("POST /api/events/{queued}/queue", _ => Task.FromResult(Send(HttpMethod.Post, $"/api/events/{queued.Id}/queue")), SignedIn(200)),
            new("GET /api/events/{queued}/queue/me", _ => Get($"/api/events/{queued.Id}/queue/me"), SignedIn(200)),
            new("POST /api/ticket-types/{queued}/holds (no pass)", _ => Task.FromResult(Send(HttpMethod.Post,
                $"/api/ticket-types/{queued.TicketTypeIds[0]}/holds", new { quantity = 1 })), SignedIn(403)),
            new("POST /api/events/{queued}/holds (no pass)", _ => Task.FromResult(Send(HttpMethod.Post,
                $"/api/events/{queued.Id}/holds", new { items = new[] { new { ticketTypeId = queued.TicketTypeIds[0], quantity = 1 } } })), SignedIn(403)),
            new("GET /api/events/{queued}/waiting-room", _ => Get($"/api/events/{queued.Id}/waiting-room"), ManageOwn(200, hidden: 403)),
            new("PUT /api/events/{queued}/waiting-room", _ => Task.FromResult(Send(HttpMethod.Put, $"/api/events/{queued.Id}/waiting-room", room)),
                ManageOwn(200, hidden: 403)),
            new("POST /api/events/{queued}/waiting-room/pause", _ => Task.FromResult(Send(HttpMethod.Post, $"/api/events/{queued.Id}/waiting-room/pause")),
                ManageOwn(200, hidden: 403)),
            new("POST /api/events/{queued}/waiting-room/resume", _ => Task.FromResult(Send(HttpMethod.Post, $"/api/events/{queued.Id}/waiting-room/resume")),
                ManageOwn(200, hidden: 403)),
            new("DELETE /api/events/{public}/waiting-room", _ => Task.FromResult(Send(HttpMethod.Delete, $"/api/events/{show.Id}/waiting-room")),
                ManageOwn(200, hidden: 403)),
            new("GET /openapi/v1.json", _ => Get("/openapi/v1.json"), All(200)),
            new("GET /health/ready", _ => Get("/health/ready"), All(200)),
        };

        Assert.Empty(await AuthorizationMatrix.MismatchesAsync(api, cases, users));
    }

    private Task<Guid> DraftAsync(TestUser owner) => api.CreateDraftEventAsync(owner, NewEvent());

    private async Task<Guid> AllocationAsync(TestUser owner, Guid eventId, Guid tier)
    {
        using var client = api.Client(owner.Token);
        using var response = await client.PostAsJsonAsync($"/api/events/{eventId}/allocations",
            new { ticketTypeId = tier, kind = "comps", name = "Cortesías", quantity = 1 });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<Guid> InReviewAsync(TestUser owner)
    {
        var id = await DraftAsync(owner);
        using var client = api.Client(owner.Token);
        using var response = await client.PostAsJsonAsync($"/api/events/{id}/status", new { status = "review" });
        response.EnsureSuccessStatusCode();
        return id;
    }

    private async Task<Guid> HoldAsync(TestUser buyer, Guid tier)
    {
        using var client = api.Client(buyer.Token);
        using var response = await client.PostAsJsonAsync($"/api/ticket-types/{tier}/holds", new { quantity = 1 });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("holdId").GetGuid();
    }

    private async Task<Guid> CodeAsync(TestUser owner, Guid eventId, string code)
    {
        using var client = api.Client(owner.Token);
        using var response = await client.PostAsJsonAsync($"/api/events/{eventId}/codes", new { code, percentOff = 10 });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static string NewCode() => $"M-{Guid.NewGuid():N}"[..20];

    private async Task<Guid> GroupHoldAsync(TestUser buyer, Guid eventId, Guid tier)
    {
        using var client = api.Client(buyer.Token);
        using var response = await client.PostAsJsonAsync($"/api/events/{eventId}/holds", new { items = new[] { new { ticketTypeId = tier, quantity = 1 } } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("groupId").GetGuid();
    }

    private async Task<string> TicketAsync(TestUser buyer, Guid eventId, Guid tier)
    {
        using var client = api.Client(buyer.Token);
        using var response = await client.PostAsync($"/api/holds/{await GroupHoldAsync(buyer, eventId, tier)}/checkout", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tickets")[0].GetProperty("code").GetString()!;
    }

    private static object NewEvent() => new
    {
        name = "Pasarela",
        venue = "Cartagena",
        startsAt = DateTimeOffset.UtcNow.AddDays(20),
        endsAt = DateTimeOffset.UtcNow.AddDays(20).AddHours(2),
        capacity = 5000,
    };

    private static object NewTier(int capacity = 1) => new { name = "Extra", price = 50_000, capacity, perBuyerLimit = 100 };

    private static Task<HttpRequestMessage> Get(string path) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, path));

    private static HttpRequestMessage Send(HttpMethod method, string path, object? body = null) =>
        new(method, path) { Content = body is null ? null : JsonContent.Create(body) };

    private static Func<string, int> All(int status) => _ => status;

    private static Func<string, int> SignedIn(int status) => role => role == Anonymous ? 401 : status;

    private static Func<string, int> OnlyAdmin(int status, int others) => role => role switch
    {
        Anonymous => 401,
        "admin" => status,
        _ => others,
    };

    /// <summary>Organizer-only routes on anything: attendees and other roles are refused by policy.</summary>
    private static Func<string, int> Manage(int ownerStatus, int adminStatus) => role => role switch
    {
        Anonymous => 401,
        "owner" or "otherOrganizer" => ownerStatus,
        "admin" => adminStatus,
        _ => 403,
    };

    /// <summary>The owner and admins may; another organizer gets <paramref name="hidden"/> (404 when it cannot even see it).</summary>
    private static Func<string, int> ManageOwn(int status, int hidden, int? ownerStatus = null) => role => role switch
    {
        Anonymous => 401,
        "owner" => ownerStatus ?? status,
        "admin" => status,
        "otherOrganizer" => hidden,
        _ => 403,
    };

    /// <summary>Sponsor-account routes: only the sponsor role passes the policy (admins included out).</summary>
    private static Func<string, int> OnlySponsor(int status) => role => role switch
    {
        Anonymous => 401,
        "sponsor" => status,
        _ => 403,
    };

    /// <summary>A draft is seen only by its owner and admins.</summary>
    private static Func<string, int> Draft(int status) => role => role is "owner" or "admin" ? status : 404;
}
