using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Resilience;

/// <summary>
/// DESIGN.md: "PostgreSQL down: requests fail fast with 503 and the service recovers by itself when it returns."
/// The real server on real HTTP; its PostgreSQL is stopped under it and started again on the same port.
/// </summary>
public sealed class DatabaseOutageTests(OutageApiFactory api) : IClassFixture<OutageApiFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EveryRequestThatNeedsPostgresAnswers503WithRetryAfterWhileItIsStopped()
    {
        var (show, buyer, organizer) = await OnSaleShowAsync();
        using var client = api.Client(buyer.Token);
        using var organizerClient = api.Client(organizer.Token);
        var held = await HoldAsync(client, show.TicketTypeIds[0], 2);

        await using (await api.Postgres.StopAsync())
        {
            var answers = new Dictionary<string, Answer>
            {
                ["hold"] = await Answer.Of(() => client.PostAsJsonAsync($"/api/ticket-types/{show.TicketTypeIds[0]}/holds", new { quantity = 1 })),
                ["hold again"] = await Answer.Of(() => client.PostAsJsonAsync($"/api/ticket-types/{show.TicketTypeIds[0]}/holds", new { quantity = 1 })),
                ["hold of a type never loaded"] = await Answer.Of(() => client.PostAsJsonAsync($"/api/ticket-types/{Guid.NewGuid()}/holds", new { quantity = 1 })),
                ["get hold"] = await Answer.Of(() => client.GetAsync($"/api/holds/{held}")),
                ["release hold"] = await Answer.Of(() => client.DeleteAsync($"/api/holds/{held}")),
                ["list events"] = await Answer.Of(() => client.GetAsync("/api/events")),
                ["create event"] = await Answer.Of(() => organizerClient.PostAsJsonAsync("/api/events", NewEvent())),
                ["login"] = await Answer.Of(() => client.PostAsJsonAsync("/api/auth/login", new { email = buyer.Email, password = buyer.Password })),
                ["register"] = await Answer.Of(() => client.PostAsJsonAsync("/api/auth/register",
                    new { email = $"new-{Guid.NewGuid():N}@fashionistas.test", password = "Test-password-123", displayName = "Nueva" })),
            };
            // Answered from the token while the rights check still trusts its cached stamp, then 503 like the rest.
            var me = await Answer.Of(() => client.GetAsync("/api/me"));
            var ready = await Answer.Of(() => client.GetAsync("/health/ready"));
            var live = await Answer.Of(() => client.GetAsync("/health/live"));

            Assert.All(answers, a => a.Value.AssertUnavailable());
            if (me.Status != HttpStatusCode.OK)
            {
                me.AssertUnavailable();
            }

            Assert.True(me.Took < Answer.DidNotHang, $"/api/me took {me.Took}.");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
            Assert.True(ready.Took < Answer.DidNotHang, $"/health/ready took {ready.Took}.");
            Assert.Equal(HttpStatusCode.OK, live.Status);
        }
    }

    [Fact]
    public async Task ATicketTypeWhoseCommitFailedDropsItsCountersInsteadOfRunningAheadOfTheDatabase()
    {
        var (show, buyer, _) = await OnSaleShowAsync();
        using var client = api.Client(buyer.Token);
        await HoldAsync(client, show.TicketTypeIds[0], 2);

        await using (await api.Postgres.StopAsync())
        {
            // The active grains still answer reads from what they committed: nothing is being sold meanwhile.
            var before = await Answer.Of(() => client.GetAsync($"/api/events/{show.Id}/availability"));
            Assert.Equal(HttpStatusCode.OK, before.Status);
            Assert.Equal(2, Tier(before.Body!.Value, show.TicketTypeIds[0]).GetProperty("held").GetInt32());

            (await Answer.Of(() => client.PostAsJsonAsync($"/api/ticket-types/{show.TicketTypeIds[0]}/holds", new { quantity = 3 }))).AssertUnavailable();

            // The failed batch was applied in memory before its commit failed, so the activation is gone and the
            // counters can only come back from the database.
            (await Answer.Of(() => client.GetAsync($"/api/events/{show.Id}/availability"))).AssertUnavailable();
        }

        await WaitUntilReadyAsync(client);
        var after = await AvailabilityAsync(client, show.Id, show.TicketTypeIds[0]);
        Assert.Equal(2, after.GetProperty("held").GetInt32());
        Assert.Equal(2, await api.Postgres.ScalarAsync<int>("SELECT held FROM ticket_types WHERE id = $1", show.TicketTypeIds[0]));
    }

    [Fact]
    public async Task TheServiceRecoversWithoutARestartAndNoAcknowledgedHoldIsLost()
    {
        var (show, buyer, _) = await OnSaleShowAsync();
        using var client = api.Client(buyer.Token);
        var tier = show.TicketTypeIds[0];
        var acknowledged = new[] { await HoldAsync(client, tier, 2), await HoldAsync(client, tier, 1), await HoldAsync(client, show.TicketTypeIds[1], 3) };

        await using (await api.Postgres.StopAsync())
        {
            (await Answer.Of(() => client.SendAsync(KeyedHold(tier, "bought-during-outage", 2)))).AssertUnavailable();
            (await Answer.Of(() => client.GetAsync("/api/events"))).AssertUnavailable();
        }

        await WaitUntilReadyAsync(client);

        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = buyer.Email, password = buyer.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        using var events = await client.GetAsync("/api/events");
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);

        // The retry of the hold that got 503 is a first hold, not a replay: the failed attempt left nothing behind.
        using var retried = await client.SendAsync(KeyedHold(tier, "bought-during-outage", 2));
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.False(retried.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1L, await api.Postgres.ScalarAsync<long>(
            "SELECT count(*) FROM holds WHERE buyer_id = $1 AND idempotency_key = 'bought-during-outage'", buyer.Id));

        foreach (var holdId in acknowledged)
        {
            using var hold = await client.GetAsync($"/api/holds/{holdId}");
            Assert.Equal(HttpStatusCode.OK, hold.StatusCode);
            Assert.Equal("active", (await hold.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }

        foreach (var ticketTypeId in show.TicketTypeIds)
        {
            var counters = await AvailabilityAsync(client, show.Id, ticketTypeId);
            var stored = await api.Postgres.ScalarAsync<int>("SELECT held FROM ticket_types WHERE id = $1", ticketTypeId);
            var active = await api.Postgres.ScalarAsync<long>(
                "SELECT coalesce(sum(quantity), 0) FROM holds WHERE ticket_type_id = $1 AND status = 'active'", ticketTypeId);
            Assert.Equal(stored, counters.GetProperty("held").GetInt32());
            Assert.Equal(active, stored);
        }

        Assert.Equal(5, (await AvailabilityAsync(client, show.Id, tier)).GetProperty("held").GetInt32());
    }

    [Fact]
    public async Task AnOrganizersChangeThatCouldNotBeWrittenIsNotHalfApplied()
    {
        var (show, buyer, organizer) = await OnSaleShowAsync();
        using var client = api.Client(buyer.Token);
        using var organizerClient = api.Client(organizer.Token);

        await using (await api.Postgres.StopAsync())
        {
            (await Answer.Of(() => organizerClient.PostAsJsonAsync($"/api/events/{show.Id}/status",
                new { status = "cancelled", reason = "lluvia" }))).AssertUnavailable();
        }

        await WaitUntilReadyAsync(client);
        using var current = await client.GetAsync($"/api/events/{show.Id}");
        Assert.Equal("on_sale", (await current.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("on_sale", await api.Postgres.ScalarAsync<string>("SELECT status FROM events WHERE id = $1", show.Id));
        Assert.Equal(HttpStatusCode.Created, (await Answer.Of(() =>
            client.PostAsJsonAsync($"/api/ticket-types/{show.TicketTypeIds[0]}/holds", new { quantity = 1 }))).Status);
    }

    private async Task<(TestEvent Show, TestUser Buyer, TestUser Organizer)> OnSaleShowAsync()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, perBuyerLimit: 20, tierCapacities: [100, 50]);
        return (show, await api.CreateUserAsync(), organizer);
    }

    private static async Task<Guid> HoldAsync(HttpClient client, Guid ticketTypeId, int quantity)
    {
        using var response = await client.PostAsJsonAsync($"/api/ticket-types/{ticketTypeId}/holds", new { quantity });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("holdId").GetGuid();
    }

    private static HttpRequestMessage KeyedHold(Guid ticketTypeId, string key, int quantity)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/ticket-types/{ticketTypeId}/holds")
        {
            Content = JsonContent.Create(new { quantity }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static async Task<JsonElement> AvailabilityAsync(HttpClient client, Guid eventId, Guid ticketTypeId)
    {
        using var response = await client.GetAsync($"/api/events/{eventId}/availability");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Tier(await response.Content.ReadFromJsonAsync<JsonElement>(), ticketTypeId);
    }

    private static JsonElement Tier(JsonElement availability, Guid ticketTypeId) =>
        availability.GetProperty("ticketTypes").EnumerateArray().Single(t => t.GetProperty("ticketTypeId").GetGuid() == ticketTypeId);

    /// <summary>Like a load balancer: traffic resumes once /health/ready says the database is back.</summary>
    private static async Task WaitUntilReadyAsync(HttpClient client) =>
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            using var ready = await client.GetAsync("/health/ready");
            return ready.StatusCode == HttpStatusCode.OK;
        }, Patience));

    private static object NewEvent()
    {
        var startsAt = DateTimeOffset.UtcNow.AddDays(20);
        return new
        {
            name = "Desfile sin base de datos",
            venue = "Plaza Mayor, Medellín",
            startsAt,
            endsAt = startsAt.AddHours(2),
            capacity = 100,
            description = "Creado durante una caída",
        };
    }
}
