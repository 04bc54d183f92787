using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Browser;

/// <summary>Buying over the API, for tests whose subject is what happens after a sale (the door, the dashboard).</summary>
internal static class Purchases
{
    /// <summary>Holds and pays <paramref name="quantity"/> tickets; returns their codes.</summary>
    public static async Task<IReadOnlyList<string>> BuyAsync(ApiFactory api, TestUser buyer, Guid ticketTypeId, int quantity = 1)
    {
        using var client = api.Client(buyer.Token);
        using var checkout = await CheckoutAsync(client, await HoldAsync(client, ticketTypeId, quantity));
        checkout.EnsureSuccessStatusCode();
        var order = await checkout.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("paid", order.GetProperty("status").GetString());
        return [.. order.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("code").GetString()!)];
    }

    /// <summary>Holds and tries to pay as a buyer the test provider declines: an order still awaiting payment; its id.</summary>
    public static async Task<Guid> DeclinedOrderAsync(ApiFactory api, TestUser decliningBuyer, Guid ticketTypeId, int quantity = 1)
    {
        using var client = api.Client(decliningBuyer.Token);
        using var checkout = await CheckoutAsync(client, await HoldAsync(client, ticketTypeId, quantity));
        Assert.Equal(System.Net.HttpStatusCode.PaymentRequired, checkout.StatusCode);
        return (await checkout.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetGuid();
    }

    private static async Task<Guid> HoldAsync(HttpClient client, Guid ticketTypeId, int quantity)
    {
        Guid? holdId = null;
        var lastAnswer = string.Empty;

        // The event tells its tiers about "on sale" asynchronously: right after opening sales, a tier may still say no.
        await Eventually.TrueAsync(async () =>
        {
            using var hold = await client.PostAsJsonAsync($"/api/ticket-types/{ticketTypeId}/holds", new { quantity });
            lastAnswer = await hold.Content.ReadAsStringAsync();
            if (hold.IsSuccessStatusCode)
            {
                holdId = JsonDocument.Parse(lastAnswer).RootElement.GetProperty("holdId").GetGuid();
            }

            return holdId is not null;
        }, TimeSpan.FromSeconds(10));
        Assert.True(holdId is not null, lastAnswer);
        return holdId.Value;
    }

    private static async Task<HttpResponseMessage> CheckoutAsync(HttpClient client, Guid holdId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/holds/{holdId}/checkout");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }
}
