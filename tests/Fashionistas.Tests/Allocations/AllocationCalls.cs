using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Industry;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Allocations;

/// <summary>The requests and database reads the allocation tests repeat.</summary>
public static class AllocationCalls
{
    /// <summary>An allocation of <paramref name="quantity"/> seats of <paramref name="tier"/>; its id.</summary>
    public static async Task<Guid> AllocateAsync(
        this ApiFactory api, TestUser organizer, Guid eventId, Guid tier, int quantity, string? code = null, string kind = "comps",
        Guid? sponsorId = null, long? unitPrice = null) =>
        (await api.SendAsync(organizer.Token, HttpMethod.Post, $"/api/events/{eventId}/allocations",
            new { ticketTypeId = tier, kind, name = $"Cupo {kind}", quantity, sponsorId, code, unitPrice }, HttpStatusCode.Created))
        .GetProperty("id").GetGuid();

    /// <summary>Every buyer asks for one seat at once (optionally with a code); the status codes, in no order.</summary>
    public static async Task<HttpStatusCode[]> RaceAsync(this ApiFactory api, IEnumerable<TestUser> buyers, Guid tier, string? code = null)
    {
        using var client = api.Client();
        return await Task.WhenAll(buyers.Select(async buyer =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/ticket-types/{tier}/holds")
            {
                Content = JsonContent.Create(new { quantity = 1, code }),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", buyer.Token);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }));
    }

    /// <summary>The ticket type's stored counters.</summary>
    public static async Task<(int Held, int Sold, int Reserved, int Capacity)> CountersAsync(this ApiFactory api, Guid tier)
    {
        await using var command = api.Database.DataSource.CreateCommand("SELECT held, sold, reserved, capacity FROM ticket_types WHERE id = $1");
        command.Parameters.AddWithValue(tier);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
    }

    /// <summary>The allocation's stored counters and the seats its active or converted holds really take.</summary>
    public static async Task<(int Quantity, int Held, int Sold, long SeatsInHolds)> AllocationRowAsync(this ApiFactory api, Guid allocation)
    {
        await using var command = api.Database.DataSource.CreateCommand("""
            SELECT a.quantity, a.held, a.sold,
                   (SELECT COALESCE(sum(h.quantity), 0) FROM holds h WHERE h.allocation_id = a.id AND h.status IN ('active', 'converted'))::bigint
            FROM ticket_allocations a WHERE a.id = $1
            """);
        command.Parameters.AddWithValue(allocation);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt64(3));
    }

    /// <summary>Seats held or sold to the public (holds drawn from no allocation).</summary>
    public static Task<long> PublicSeatsAsync(this ApiFactory api, Guid tier) => api.ScalarAsync<long>(
        "SELECT COALESCE(sum(quantity), 0)::bigint FROM holds WHERE ticket_type_id = $1 AND allocation_id IS NULL AND status IN ('active', 'converted')",
        tier);

    public static async Task<JsonElement> AllocationAsync(this ApiFactory api, TestUser organizer, Guid eventId, Guid allocation) =>
        (await api.GetAsync($"/api/events/{eventId}/allocations", organizer.Token)).EnumerateArray()
        .Single(a => a.GetProperty("id").GetGuid() == allocation);
}
