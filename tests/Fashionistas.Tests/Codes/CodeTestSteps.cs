using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;
using Npgsql;

namespace Fashionistas.Tests.Codes;

/// <summary>The steps the code tests share: tiers, codes, holds and what the database says about a code.</summary>
internal static class CodeTestSteps
{
    public static async Task<Guid> AddTierAsync(ApiFactory api, TestUser organizer, Guid eventId, object tier)
    {
        using var client = api.Client(organizer.Token);
        using var response = await client.PostAsJsonAsync($"/api/events/{eventId}/ticket-types", tier);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> CreateCodeAsync(ApiFactory api, TestUser organizer, Guid eventId, object code)
    {
        using var client = api.Client(organizer.Token);
        using var response = await client.PostAsJsonAsync($"/api/events/{eventId}/codes", code);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> HoldAsync(ApiFactory api, TestUser buyer, Guid tier, int quantity, string? code = null)
    {
        using var client = api.Client(buyer.Token);
        using var response = await client.PostAsJsonAsync($"/api/ticket-types/{tier}/holds", new { quantity, code });
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>The code's stored count, its uses not given back, and its holds by status, straight from the database.</summary>
    public static async Task<CodeRows> RowsAsync(NpgsqlDataSource db, Guid codeId)
    {
        await using var command = db.CreateCommand("""
            SELECT (SELECT uses FROM promo_codes WHERE id = $1),
                   (SELECT count(*)::int FROM promo_code_uses WHERE promo_code_id = $1 AND released_at IS NULL),
                   (SELECT count(*)::int FROM holds WHERE promo_code_id = $1 AND status = 'active'),
                   (SELECT count(*)::int FROM holds WHERE promo_code_id = $1 AND status = 'converted')
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = codeId });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new CodeRows(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
    }
}

internal sealed record CodeRows(int Uses, int LiveUses, int ActiveHolds, int SoldHolds);
