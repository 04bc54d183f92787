using System.Net;
using System.Net.Http.Json;
using Fashionistas.Tests.Infrastructure;
using Npgsql;

namespace Fashionistas.Tests.Security;

/// <summary>
/// Thousands of parallel holds over real HTTP against the purchase path's limits: exactly the limit gets through, the
/// rest get 429 + Retry-After as problem+json, and the database holds exactly the granted holds. The limiter's clock
/// stands still, so no refill happens during a burst; moving it shows the refill (each test first moves it a second,
/// which refills the address's bucket the other test may have emptied).
/// </summary>
[Collection(PurchaseLimitCollection.Name)]
public sealed class PurchaseRateLimitTests(PurchaseLimitApiFactory api)
{
    [Fact]
    public async Task ABurstFromOneBuyerGetsExactlyThePerUserLimitAndTheRefillAfterAMinute()
    {
        var buyer = await api.CreateUserAsync();
        var tier = await OnSaleTierAsync();
        using var client = api.Client(buyer.Token);
        api.Clock.Advance(TimeSpan.FromSeconds(1));

        var burst = await BurstAsync(client, tier, 2_000);
        api.Clock.Advance(TimeSpan.FromSeconds(30));
        var afterHalfAMinute = await BurstAsync(client, tier, 200);

        Assert.Equal(PurchaseLimitApiFactory.PerUserPerMinute, burst.Created);
        Assert.Equal(2_000 - PurchaseLimitApiFactory.PerUserPerMinute, burst.Refused);
        Assert.Equal(PurchaseLimitApiFactory.PerUserPerMinute / 2, afterHalfAMinute.Created);
        Assert.Equal(200 - (PurchaseLimitApiFactory.PerUserPerMinute / 2), afterHalfAMinute.Refused);
        Assert.Equal(burst.Created + afterHalfAMinute.Created, await HoldsAsync(buyer.Id));
    }

    [Fact]
    public async Task BuyersBehindOneAddressShareThePerIpLimit()
    {
        var tier = await OnSaleTierAsync();
        var buyers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => api.CreateUserAsync()));
        api.Clock.Advance(TimeSpan.FromSeconds(1));

        // Each buyer asks for exactly its own limit, so only the address's 150 can refuse.
        var bursts = await Task.WhenAll(buyers.Select(async b =>
        {
            using var client = api.Client(b.Token);
            return await BurstAsync(client, tier, PurchaseLimitApiFactory.PerUserPerMinute);
        }));

        Assert.Equal(PurchaseLimitApiFactory.PerIpPerSecond, bursts.Sum(b => b.Created));
        Assert.Equal((3 * PurchaseLimitApiFactory.PerUserPerMinute) - PurchaseLimitApiFactory.PerIpPerSecond, bursts.Sum(b => b.Refused));
        var held = 0L;
        foreach (var buyer in buyers)
        {
            held += await HoldsAsync(buyer.Id);
        }

        Assert.Equal(PurchaseLimitApiFactory.PerIpPerSecond, held);
    }

    private async Task<Guid> OnSaleTierAsync()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, perBuyerLimit: 100, eventCapacity: null, 10_000);
        return show.TicketTypeIds[0];
    }

    private static async Task<(int Created, int Refused)> BurstAsync(HttpClient client, Guid tier, int requests)
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, requests).Select(async _ =>
        {
            using var response = await client.PostAsJsonAsync($"/api/ticket-types/{tier}/holds", new { quantity = 1 });
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.InRange(int.Parse(response.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
            }

            return response.StatusCode;
        }));
        Assert.All(answers, a => Assert.Contains(a, new[] { HttpStatusCode.Created, HttpStatusCode.TooManyRequests }));
        return (answers.Count(a => a == HttpStatusCode.Created), answers.Count(a => a == HttpStatusCode.TooManyRequests));
    }

    private async Task<long> HoldsAsync(Guid buyer)
    {
        await using var connection = new NpgsqlConnection(api.Database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM holds WHERE buyer_id = $1", connection) { Parameters = { new() { Value = buyer } } };
        return (long)(await count.ExecuteScalarAsync())!;
    }
}

/// <summary>One server for the purchase-limit tests, which run one after another: they share its address's bucket.</summary>
[CollectionDefinition(Name)]
public sealed class PurchaseLimitCollection : ICollectionFixture<PurchaseLimitApiFactory>
{
    public const string Name = "Purchase limits";
}
