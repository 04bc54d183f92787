using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Api;

public sealed class HoldsApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AHoldTakesSeatsAndReleasingGivesThemBack()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var buyer = await api.CreateUserAsync();
        using var client = api.Client(buyer.Token);

        using var hold = await client.PostAsJsonAsync($"/api/ticket-types/{show.TicketTypeIds[0]}/holds", new { quantity = 3 });

        Assert.Equal(HttpStatusCode.Created, hold.StatusCode);
        var body = await hold.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(300_000, body.GetProperty("total").GetInt64());
        Assert.Equal(7, await AvailableAsync(client, show));

        using var release = await client.DeleteAsync($"/api/holds/{body.GetProperty("holdId").GetGuid()}");
        Assert.Equal(HttpStatusCode.NoContent, release.StatusCode);
        Assert.Equal(10, await AvailableAsync(client, show));
    }

    [Fact]
    public async Task ARetriedHoldWithTheSameKeyIsNotDoubleCounted()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var buyer = await api.CreateUserAsync();
        using var client = api.Client(buyer.Token);

        async Task<JsonElement> HoldAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/ticket-types/{show.TicketTypeIds[0]}/holds")
            {
                Content = JsonContent.Create(new { quantity = 2 }),
            };
            request.Headers.Add("Idempotency-Key", "retry-me");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var first = await HoldAsync();
        var second = await HoldAsync();

        Assert.Equal(first.GetProperty("holdId").GetGuid(), second.GetProperty("holdId").GetGuid());
        Assert.Equal(8, await AvailableAsync(client, show));
    }

    [Fact]
    public async Task ASoldOutTierAnswersConflictWithProblemJson()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 2);
        var buyer = await api.CreateUserAsync();
        using var client = api.Client(buyer.Token);

        using var response = await client.PostAsJsonAsync($"/api/ticket-types/{show.TicketTypeIds[0]}/holds", new { quantity = 3 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Sold out.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task TheFirstHoldsRightAfterSalesOpenAreAccepted()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var buyer = await api.CreateUserAsync();
        using var owner = api.Client(organizer.Token);
        using var admin = api.Client(await api.AdminTokenAsync());
        using var client = api.Client(buyer.Token);

        for (var round = 0; round < 5; round++)
        {
            using var created = await owner.PostAsJsonAsync("/api/events", new
            {
                name = "Apertura",
                venue = "Bogotá",
                startsAt = DateTimeOffset.UtcNow.AddDays(5),
                endsAt = DateTimeOffset.UtcNow.AddDays(5).AddHours(2),
                capacity = 30,
            });
            var eventId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var tiers = new List<Guid>();
            for (var i = 0; i < 3; i++)
            {
                using var tier = await owner.PostAsJsonAsync($"/api/events/{eventId}/ticket-types", new { name = $"T{i}", price = 1000, capacity = 10 });
                tiers.Add((await tier.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
            }

            foreach (var status in new[] { "review", "published" })
            {
                using var step = await admin.PostAsJsonAsync($"/api/events/{eventId}/status", new { status });
                step.EnsureSuccessStatusCode();
            }

            // Reading availability activates the tiers while the event is only published.
            (await admin.GetAsync($"/api/events/{eventId}/availability")).Dispose();
            using (var open = await owner.PostAsJsonAsync($"/api/events/{eventId}/status", new { status = "on_sale" }))
            {
                open.EnsureSuccessStatusCode();
            }

            var holds = await Task.WhenAll(tiers.Select(tier =>
                client.PostAsJsonAsync($"/api/ticket-types/{tier}/holds", new { quantity = 1 })));

            Assert.All(holds, h => Assert.Equal(HttpStatusCode.Created, h.StatusCode));
            foreach (var h in holds)
            {
                h.Dispose();
            }
        }
    }

    private static async Task<int> AvailableAsync(HttpClient client, TestEvent show)
    {
        var availability = await client.GetFromJsonAsync<JsonElement>($"/api/events/{show.Id}/availability");
        return availability.GetProperty("ticketTypes")[0].GetProperty("available").GetInt32();
    }
}
