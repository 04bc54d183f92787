using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;
using Npgsql;

namespace Fashionistas.Tests.Checkout;

/// <summary>The steps of a purchase over real HTTP, shared by the checkout tests.</summary>
public sealed class CheckoutDriver(ApiFactory api)
{
    public async Task<Guid> HoldAsync(TestUser buyer, Guid ticketTypeId, int quantity)
    {
        using var client = api.Client(buyer.Token);
        using var response = await client.PostAsJsonAsync($"/api/ticket-types/{ticketTypeId}/holds", new { quantity });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("holdId").GetGuid();
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> CheckoutAsync(TestUser buyer, Guid holdId, string? idempotencyKey = null)
    {
        using var client = api.Client(buyer.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/holds/{holdId}/checkout");
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>Hold and pay on the test provider; returns the order id and its ticket codes.</summary>
    public async Task<(Guid OrderId, IReadOnlyList<string> Codes)> BuyAsync(TestUser buyer, Guid ticketTypeId, int quantity)
    {
        var (status, body) = await CheckoutAsync(buyer, await HoldAsync(buyer, ticketTypeId, quantity));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("paid", body.GetProperty("status").GetString());
        return (body.GetProperty("orderId").GetGuid(),
            [.. body.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("code").GetString()!)]);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> CheckInAsync(TestUser staff, Guid eventId, string code)
    {
        using var client = api.Client(staff.Token);
        using var response = await client.PostAsJsonAsync($"/api/events/{eventId}/check-ins", new { code });
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public async Task<JsonElement> OrderAsync(TestUser viewer, Guid orderId)
    {
        using var client = api.Client(viewer.Token);
        return await client.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
    }

    public async Task<JsonElement> AvailabilityAsync(Guid eventId)
    {
        using var client = api.Client();
        var availability = await client.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/availability");
        return availability.GetProperty("ticketTypes")[0];
    }

    public async Task<int> AvailableAsync(Guid eventId) => (await AvailabilityAsync(eventId)).GetProperty("available").GetInt32();

    public async Task<long> CountAsync(string sql, params object[] parameters)
    {
        await using var command = api.Database.DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Registers and signs in a buyer with a chosen e-mail (e.g. one the test provider declines).</summary>
    public async Task<TestUser> RegisterAsync(string email)
    {
        const string Password = "Test-password-123";
        using var client = api.Client();
        using var created = await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName = "Ana Buyer" });
        created.EnsureSuccessStatusCode();
        var token = await api.LoginAsync(email, Password);
        return new TestUser(await api.UserIdAsync(token), email, Password, token);
    }
}
