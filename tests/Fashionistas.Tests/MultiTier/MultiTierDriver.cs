using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.MultiTier;

/// <summary>Holds across tiers and their checkout over real HTTP.</summary>
public sealed class MultiTierDriver(ApiFactory api)
{
    public async Task<(HttpStatusCode Status, JsonElement Body)> HoldAsync(TestUser buyer, Guid eventId, params (Guid Tier, int Quantity)[] items)
    {
        using var client = api.Client(buyer.Token);
        using var response = await client.PostAsJsonAsync($"/api/events/{eventId}/holds",
            new { items = items.Select(i => new { ticketTypeId = i.Tier, quantity = i.Quantity }) });
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public async Task<Guid> HeldGroupAsync(TestUser buyer, Guid eventId, params (Guid Tier, int Quantity)[] items)
    {
        var (status, body) = await HoldAsync(buyer, eventId, items);
        Assert.Equal(HttpStatusCode.Created, status);
        return body.GetProperty("groupId").GetGuid();
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> CheckoutAsync(TestUser buyer, Guid groupId, object? body = null)
    {
        using var client = api.Client(buyer.Token);
        using var response = body is null
            ? await client.PostAsync($"/api/holds/{groupId}/checkout", null)
            : await client.PostAsJsonAsync($"/api/holds/{groupId}/checkout", body);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public async Task<long> ScalarAsync(string sql, params object[] parameters)
    {
        await using var command = api.Database.DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = parameter });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<Guid> ScalarGuidAsync(string sql, params object[] parameters)
    {
        await using var command = api.Database.DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = parameter });
        }

        return (Guid)(await command.ExecuteScalarAsync())!;
    }
}
