using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.WaitingRoom;

/// <summary>The waiting-room routes over real HTTP, and what the database says about a room.</summary>
public sealed class WaitingRoomCalls(ApiFactory api)
{
    public async Task<JsonElement> ConfigureAsync(TestUser organizer, Guid eventId, DateTimeOffset opensAt, int? perMinute, int shoppingMinutes = 10)
    {
        using var client = api.Client(organizer.Token);
        using var response = await client.PutAsJsonAsync($"/api/events/{eventId}/waiting-room", new
        {
            opensAt,
            mode = perMinute is null ? "automatic" : "fixed",
            admissionPerMinute = perMinute,
            shoppingMinutes,
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"configure answered {response.StatusCode}: {body}");
        return body;
    }

    public async Task<JsonElement> OrganizerViewAsync(TestUser organizer, Guid eventId)
    {
        using var client = api.Client(organizer.Token);
        return await client.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/waiting-room");
    }

    public async Task<HttpStatusCode> PostAsync(TestUser organizer, string path)
    {
        using var client = api.Client(organizer.Token);
        using var response = await client.PostAsync(path, null);
        return response.StatusCode;
    }

    /// <summary>Joins with <paramref name="client"/> (shared by many callers) as <paramref name="user"/>; the place.</summary>
    public static async Task<JsonElement> JoinAsync(HttpClient client, TestUser user, Guid eventId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{eventId}/queue");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"join answered {response.StatusCode}: {body}");
        return body;
    }

    public async Task<JsonElement> MineAsync(TestUser user, Guid eventId)
    {
        using var client = api.Client(user.Token);
        return await client.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/queue/me");
    }

    /// <summary>Holds one seat, sending <paramref name="pass"/> when given.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body, string? ContentType)> HoldAsync(
        HttpClient client, TestUser user, Guid ticketTypeId, string? pass)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/ticket-types/{ticketTypeId}/holds")
        {
            Content = JsonContent.Create(new { quantity = 1 }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        if (pass is not null)
        {
            request.Headers.Add("Waiting-Room-Pass", pass);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Every entry of the room as stored: account, arrival, position, admission.</summary>
    public async Task<IReadOnlyList<StoredEntry>> EntriesAsync(Guid eventId)
    {
        await using var command = api.Database.DataSource.CreateCommand(
            "SELECT account_id, arrived_at, position, admitted_at FROM waiting_room_entries WHERE event_id = $1 ORDER BY position NULLS LAST");
        command.Parameters.AddWithValue(eventId);
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<StoredEntry>();
        while (await reader.ReadAsync())
        {
            entries.Add(new StoredEntry(
                reader.GetGuid(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return entries;
    }

    public async Task<(DateTimeOffset OpensAt, int AdmittedThrough)> RoomAsync(Guid eventId)
    {
        await using var command = api.Database.DataSource.CreateCommand("SELECT opens_at, admitted_through FROM waiting_rooms WHERE event_id = $1");
        command.Parameters.AddWithValue(eventId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt32(1));
    }

    public async Task<long> HoldsOfAsync(IEnumerable<Guid> buyers)
    {
        await using var command = api.Database.DataSource.CreateCommand("SELECT count(*) FROM holds WHERE buyer_id = ANY($1)");
        command.Parameters.AddWithValue(buyers.ToArray());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A client for many concurrent callers (each request carries its own token).</summary>
    public HttpClient SharedClient() => new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
    {
        BaseAddress = api.BaseAddress,
        Timeout = TimeSpan.FromMinutes(2),
    };
}

/// <summary>A waiting-room entry as stored.</summary>
public sealed record StoredEntry(Guid AccountId, DateTimeOffset ArrivedAt, int? Position, DateTimeOffset? AdmittedAt);
