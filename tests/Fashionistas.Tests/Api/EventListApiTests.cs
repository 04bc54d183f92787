using System.Net.Http.Json;
using System.Text.Json;
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
}
