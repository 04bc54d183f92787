using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Api;

/// <summary>Malformed requests across the API: each gets a 4xx problem+json and the database does not change.</summary>
public sealed class BadInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] CountedTables =
        ["users", "user_roles", "events", "event_status_history", "ticket_types", "holds", "orders", "tickets", "check_ins",
         "idempotency_keys", "audit_logs", "outbox", "waiting_rooms", "waiting_room_entries"];

    [Fact]
    public async Task MalformedRequestsGetProblemJsonAndChangeNothing()
    {
        var owner = await api.CreateUserAsync("organizer");
        var buyer = await api.CreateUserAsync();
        var admin = await api.AdminTokenAsync();
        var show = await api.CreateOnSaleEventAsync(owner, perBuyerLimit: 4, tierCapacities: 10);
        var tier = show.TicketTypeIds[0];
        var draft = await DraftAsync(owner);
        var o = owner.Token;
        var b = buyer.Token;
        var huge = new string('x', 100_000);
        var longName = new string('n', 300);
        var unknown = Guid.NewGuid();

        var requests = new List<(string Method, string Path, string? Body, string? Token)>
        {
            ("POST", "/api/auth/register", "", null),
            ("POST", "/api/auth/register", "not json", null),
            ("POST", "/api/auth/register", "[]", null),
            ("POST", "/api/auth/register", """{"email":1,"password":2,"displayName":3}""", null),
            ("POST", "/api/auth/register", """{"email":"a@b.co","displayName":"A"}""", null),
            ("POST", "/api/auth/register", """{"email":"a@b.co","password":"short","displayName":"A"}""", null),
            ("POST", "/api/auth/register", """{"email":"not-an-email","password":"long-enough-1","displayName":"A"}""", null),
            ("POST", "/api/auth/register", $$"""{"email":"a@b.co","password":"long-enough-1","displayName":"{{longName}}"}""", null),
            ("POST", "/api/auth/register", "null", null),
            ("POST", "/api/auth/register", $$"""{"email":"a@b.co","password":"{{huge}}","displayName":"A"}""", null),
            ("POST", "/api/auth/login", "{}", null),
            ("POST", "/api/auth/login", """{"email":true,"password":[]}""", null),
            ("POST", "/api/auth/login", $$"""{"email":"{{buyer.Email}}","password":"wrong-password"}""", null),
            ("POST", "/api/events", "{}", o),
            ("POST", "/api/events", EventJson(capacity: "0"), o),
            ("POST", "/api/events", EventJson(capacity: "-5"), o),
            ("POST", "/api/events", EventJson(capacity: "\"abc\""), o),
            ("POST", "/api/events", EventJson(capacity: "1000000000000"), o),
            ("POST", "/api/events", EventJson(startsAt: "\"yesterday\""), o),
            ("POST", "/api/events", EventJson(endsAt: "\"2020-01-01T00:00:00Z\""), o),
            ("POST", "/api/events", EventJson(name: longName), o),
            ("POST", "/api/events", "{\"name\":", o),
            ("POST", "/api/events", "[1,2,3]", o),
            ("GET", "/api/events?page=0", null, null),
            ("GET", "/api/events?pageSize=1000", null, null),
            ("GET", "/api/events?status=bogus", null, null),
            ("GET", "/api/events?from=notadate", null, null),
            ("GET", "/api/events?from=2030-01-01T00:00:00Z&to=2029-01-01T00:00:00Z", null, null),
            ("GET", "/api/events/not-a-guid", null, null),
            ("GET", $"/api/events/{unknown}", null, null),
            ("GET", $"/api/events/{unknown}/availability", null, null),
            ("PUT", $"/api/events/{unknown}", EventJson(), o),
            ("PUT", $"/api/events/{draft}", EventJson(capacity: "null"), o),
            ("PUT", $"/api/events/{show.Id}", EventJson(), o),
            ("POST", $"/api/events/{draft}/status", """{"status":"bogus"}""", o),
            ("POST", $"/api/events/{draft}/status", "{}", o),
            ("POST", $"/api/events/{draft}/status", """{"status":"on_sale"}""", o),
            ("POST", $"/api/events/{draft}/status", $$"""{"status":"review","reason":"{{new string('r', 2000)}}"}""", o),
            ("POST", $"/api/events/{show.Id}/ticket-types", TierJson(price: "-1"), o),
            ("POST", $"/api/events/{show.Id}/ticket-types", TierJson(capacity: "0"), o),
            ("POST", $"/api/events/{show.Id}/ticket-types", TierJson(extra: ",\"perBuyerLimit\":0"), o),
            ("POST", $"/api/events/{show.Id}/ticket-types", TierJson(extra: ",\"earlyBirdPrice\":999999,\"earlyBirdDeadline\":\"2030-01-01T00:00:00Z\""), o),
            ("POST", $"/api/events/{show.Id}/ticket-types", TierJson(extra: ",\"groupDiscountThreshold\":2,\"groupDiscountPercentage\":150"), o),
            ("POST", $"/api/events/{show.Id}/ticket-types", TierJson(extra: ",\"groupDiscountThreshold\":2"), o),
            ("POST", $"/api/events/{show.Id}/ticket-types", TierJson(extra: ",\"salesStart\":\"2030-01-02T00:00:00Z\",\"salesEnd\":\"2030-01-01T00:00:00Z\""), o),
            ("POST", $"/api/events/{unknown}/ticket-types", TierJson(), o),
            ("POST", $"/api/events/{show.Id}/ticket-types", TierJson(price: "\"free\""), o),
            ("POST", $"/api/events/{show.Id}/ticket-types", TierJson(capacity: "5000"), o),
            ("PUT", $"/api/events/{show.Id}/waiting-room", "{}", o),
            ("PUT", $"/api/events/{show.Id}/waiting-room", """{"opensAt":"2030-01-01T00:00:00Z","mode":"bogus","shoppingMinutes":10}""", o),
            ("PUT", $"/api/events/{show.Id}/waiting-room", """{"opensAt":"2030-01-01T00:00:00Z","mode":"fixed","shoppingMinutes":10}""", o),
            ("PUT", $"/api/events/{show.Id}/waiting-room", """{"opensAt":"2030-01-01T00:00:00Z","mode":"fixed","admissionPerMinute":0,"shoppingMinutes":10}""", o),
            ("PUT", $"/api/events/{show.Id}/waiting-room", """{"opensAt":"2030-01-01T00:00:00Z","mode":"fixed","admissionPerMinute":2000000,"shoppingMinutes":10}""", o),
            ("PUT", $"/api/events/{show.Id}/waiting-room", """{"opensAt":"2030-01-01T00:00:00Z","mode":"automatic","admissionPerMinute":5,"shoppingMinutes":10}""", o),
            ("PUT", $"/api/events/{show.Id}/waiting-room", """{"opensAt":"2030-01-01T00:00:00Z","mode":"automatic","shoppingMinutes":0}""", o),
            ("PUT", $"/api/events/{show.Id}/waiting-room", """{"opensAt":"2030-01-01T00:00:00Z","mode":"automatic","shoppingMinutes":100000}""", o),
            ("PUT", $"/api/events/{show.Id}/waiting-room", """{"opensAt":"soon","mode":"automatic","shoppingMinutes":10}""", o),
            ("PUT", $"/api/events/{show.Id}/waiting-room", """{"opensAt":"2030-01-01T00:00:00Z","mode":"fixed","admissionPerMinute":"many","shoppingMinutes":10}""", o),
            ("POST", $"/api/events/{show.Id}/waiting-room/pause", null, o),
            ("POST", $"/api/events/{show.Id}/queue", null, b),
            ("GET", $"/api/events/{unknown}/queue", null, null),
            ("GET", $"/api/events/{unknown}/queue/me", null, b),
            ("POST", $"/api/ticket-types/{tier}/holds", """{"quantity":0}""", b),
            ("POST", $"/api/ticket-types/{tier}/holds", """{"quantity":-1}""", b),
            ("POST", $"/api/ticket-types/{tier}/holds", """{"quantity":101}""", b),
            ("POST", $"/api/ticket-types/{tier}/holds", """{"quantity":"two"}""", b),
            ("POST", $"/api/ticket-types/{tier}/holds", "{}", b),
            ("POST", $"/api/ticket-types/{tier}/holds", """{"quantity":2147483648}""", b),
            ("POST", $"/api/ticket-types/{tier}/holds", """{"quantity":5}""", b),
            ("POST", $"/api/ticket-types/{tier}/holds", "{quantity:1}", b),
            ("POST", $"/api/ticket-types/{unknown}/holds", """{"quantity":1}""", b),
            ("POST", $"/api/ticket-types/{tier}/holds", huge, b),
            ("DELETE", $"/api/holds/{unknown}", null, b),
            ("PUT", $"/api/users/{buyer.Id}/roles", """{"roles":["emperor"]}""", admin),
            ("PUT", $"/api/users/{buyer.Id}/roles", """{"roles":[]}""", admin),
            ("PUT", $"/api/users/{unknown}/roles", """{"roles":["attendee"]}""", admin),
            ("GET", "/api/users?role=emperor", null, admin),
            ("GET", $"/api/events?q={new string('q', 101)}", null, null),
            ("GET", "/api/events?upcoming=maybe", null, null),
            ("PUT", "/api/me/password", """{"currentPassword":"x","newPassword":"short"}""", b),
            ("PUT", "/api/me/password", """{"newPassword":"Long-enough-1"}""", b),
            ("GET", $"/api/users?search={new string('a', 101)}", null, admin),
            ("GET", "/api/users?pageSize=1000", null, admin),
            ("GET", "/api/nope", null, null),
            ("PATCH", "/api/events", "{}", o),
        };
        Assert.True(requests.Count >= 50);
        var before = await SnapshotAsync();

        var failures = new List<string>();
        foreach (var (method, path, body, token) in requests)
        {
            using var client = api.Client(token);
            using var request = RawJsonRequests.Create(method, path, body);

            using var response = await client.SendAsync(request);
            if (await ProblemAnswers.DescribeIfNotProblemAsync(response) is { } unexpected)
            {
                failures.Add($"{method} {path[..Math.Min(path.Length, 80)]} body={body?[..Math.Min(body.Length, 60)]}: {unexpected}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(before, await SnapshotAsync());
    }

    private static string EventJson(string? capacity = null, string? startsAt = null, string? endsAt = null, string? name = null) =>
        $$"""
        {"name":"{{name ?? "Pasarela"}}","venue":"Cali","startsAt":{{startsAt ?? "\"2030-05-01T20:00:00Z\""}},
         "endsAt":{{endsAt ?? "\"2030-05-01T23:00:00Z\""}},"capacity":{{capacity ?? "100"}}}
        """;

    private static string TierJson(string? price = null, string? capacity = null, string extra = "") =>
        $$"""{"name":"Extra","price":{{price ?? "1000"}},"capacity":{{capacity ?? "1"}}{{extra}}}""";

    private Task<Guid> DraftAsync(TestUser owner) => api.CreateDraftEventAsync(owner, new
    {
        name = "Borrador",
        venue = "Barranquilla",
        startsAt = DateTimeOffset.UtcNow.AddDays(30),
        endsAt = DateTimeOffset.UtcNow.AddDays(30).AddHours(2),
        capacity = 100,
    });

    private async Task<string> SnapshotAsync()
    {
        var parts = await TableCounts.ReadAsync(api.Database.DataSource, CountedTables);

        await using var counters = api.Database.DataSource.CreateCommand(
            "SELECT coalesce(sum(held), 0) || '/' || coalesce(sum(sold), 0) || '/' || coalesce(sum(capacity), 0) || '/' || coalesce(max(updated_at)::text, '') FROM ticket_types");
        parts.Add($"ticket_types={await counters.ExecuteScalarAsync()}");
        await using var events = api.Database.DataSource.CreateCommand("SELECT string_agg(id || status || updated_at::text, ',' ORDER BY id) FROM events");
        parts.Add($"events={await events.ExecuteScalarAsync()}");
        return string.Join("; ", parts);
    }
}
