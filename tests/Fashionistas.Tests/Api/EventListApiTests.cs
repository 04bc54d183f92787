using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Api;

public sealed class EventListApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task FromPriceIsTheCheapestPriceABuyerPaysNowIncludingEarlyBird()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var draftId = await api.CreateDraftEventAsync(organizer, new
        {
            name = "Preventa",
            venue = "Cartagena",
            startsAt = DateTimeOffset.UtcNow.AddDays(20),
            endsAt = DateTimeOffset.UtcNow.AddDays(20).AddHours(2),
            capacity = 100,
        });
        using var client = api.Client(organizer.Token);
        foreach (var (price, earlyBird) in new (long Price, long? EarlyBird)[] { (150_000, 120_000), (130_000, null) })
        {
            using var tier = await client.PostAsJsonAsync($"/api/events/{draftId}/ticket-types", new
            {
                name = $"Tier {price}",
                price,
                capacity = 50,
                perBuyerLimit = 4,
                salesStart = DateTimeOffset.UtcNow.AddDays(-1),
                salesEnd = DateTimeOffset.UtcNow.AddDays(19),
                earlyBirdPrice = earlyBird,
                earlyBirdDeadline = earlyBird is null ? (DateTimeOffset?)null : DateTimeOffset.UtcNow.AddDays(7),
            });
            tier.EnsureSuccessStatusCode();
        }

        var mine = await client.GetFromJsonAsync<JsonElement>("/api/me/events");

        var listed = mine.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == draftId);
        Assert.Equal(120_000, listed.GetProperty("fromPrice").GetInt64());
    }

    [Fact]
    public async Task VisitorsSearchUpcomingEventsByNameVenueOrDescription()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        using (var owner = api.Client(organizer.Token))
        {
            var draft = await api.CreateDraftEventAsync(organizer, new
            {
                name = $"Pasarela {tag}",
                venue = "Barranquilla",
                startsAt = DateTimeOffset.UtcNow.AddDays(3),
                endsAt = DateTimeOffset.UtcNow.AddDays(3).AddHours(2),
                capacity = 10,
            });
            Assert.NotEqual(show.Id, draft);
        }

        using var visitor = api.Client();
        using var admin = api.Client(await api.AdminTokenAsync());

        var hidden = await visitor.GetFromJsonAsync<JsonElement>($"/api/events?q={tag}");
        var found = await admin.GetFromJsonAsync<JsonElement>($"/api/events?q={tag.ToUpperInvariant()}&upcoming=true");
        var byVenue = await visitor.GetFromJsonAsync<JsonElement>("/api/events?q=medell%C3%ADn&upcoming=true");
        var wildcard = await visitor.GetFromJsonAsync<JsonElement>("/api/events?q=%25");
        var past = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        await using (var connection = await api.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                "UPDATE events SET starts_at = now() - interval '2 days', ends_at = now() - interval '1 day' WHERE id = @id", new { id = past.Id });
        }

        var upcoming = await visitor.GetFromJsonAsync<JsonElement>("/api/events?upcoming=true&pageSize=100");
        var everything = await visitor.GetFromJsonAsync<JsonElement>("/api/events?pageSize=100");

        Assert.Equal(0, hidden.GetProperty("total").GetInt64());
        Assert.Equal($"Pasarela {tag}", found.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Contains(show.Id, byVenue.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
        Assert.Equal(0, wildcard.GetProperty("total").GetInt64());
        Assert.DoesNotContain(past.Id, upcoming.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
        Assert.Contains(past.Id, everything.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
    }
}
