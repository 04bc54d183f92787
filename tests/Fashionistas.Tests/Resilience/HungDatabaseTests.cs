using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Resilience;

/// <summary>
/// PostgreSQL that accepts connections but never answers (its processes frozen, as on a hung host or a network that
/// drops packets): requests must not wait for it longer than the configured timeouts, and must answer 503.
/// </summary>
public sealed class HungDatabaseTests(HungDatabaseApiFactory api) : IClassFixture<HungDatabaseApiFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RequestsOnAHungDatabaseAnswer503WithinTheTimeoutsAndSellingResumesWhenItAnswersAgain()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, perBuyerLimit: 50, tierCapacities: 100);
        var buyer = await api.CreateUserAsync();
        using var client = api.Client(buyer.Token);
        var tier = show.TicketTypeIds[0];
        using (var first = await client.PostAsJsonAsync($"/api/ticket-types/{tier}/holds", new { quantity = 2 }))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using (api.Postgres.Freeze())
        {
            // A burst queued behind the stuck commit: every caller gets its 503, none waits without bound.
            var burst = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
                Answer.Of(() => client.PostAsJsonAsync($"/api/ticket-types/{tier}/holds", new { quantity = 1 }))));
            Assert.All(burst, a => a.AssertUnavailable());

            (await Answer.Of(() => client.GetAsync("/api/events"))).AssertUnavailable();
            (await Answer.Of(() => client.PostAsJsonAsync("/api/auth/login", new { email = buyer.Email, password = buyer.Password }))).AssertUnavailable();
            var ready = await Answer.Of(() => client.GetAsync("/health/ready"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
            Assert.True(ready.Took < Answer.DidNotHang, $"/health/ready took {ready.Took}.");
        }

        Assert.True(await Eventually.TrueAsync(async () =>
        {
            using var ready = await client.GetAsync("/health/ready");
            return ready.StatusCode == HttpStatusCode.OK;
        }, Patience));
        using (var after = await client.PostAsJsonAsync($"/api/ticket-types/{tier}/holds", new { quantity = 1 }))
        {
            Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        }

        using var availability = await client.GetAsync($"/api/events/{show.Id}/availability");
        var held = (await availability.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticketTypes")[0].GetProperty("held").GetInt32();
        Assert.Equal(await api.Postgres.ScalarAsync<int>("SELECT held FROM ticket_types WHERE id = $1", tier), held);
        Assert.Equal(3, held);
    }
}
