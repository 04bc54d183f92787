using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Waitlist;

/// <summary>The waitlist routes over real HTTP, shared by the waitlist tests.</summary>
public sealed class WaitlistCalls(ApiFactory api)
{
    public async Task<(HttpStatusCode Status, JsonElement Body)> JoinAsync(TestUser user, Guid ticketTypeId)
    {
        using var client = api.Client(user.Token);
        using var response = await client.PostAsync($"/api/ticket-types/{ticketTypeId}/waitlist", null);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>Joins and requires success; the position.</summary>
    public async Task<int> JoinedPositionAsync(TestUser user, Guid ticketTypeId)
    {
        var (status, body) = await JoinAsync(user, ticketTypeId);
        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, $"join answered {status}: {body}");
        return body.GetProperty("position").GetInt32();
    }

    public async Task<HttpStatusCode> LeaveAsync(TestUser user, Guid ticketTypeId)
    {
        using var client = api.Client(user.Token);
        using var response = await client.DeleteAsync($"/api/ticket-types/{ticketTypeId}/waitlist");
        return response.StatusCode;
    }

    public async Task<JsonElement> MineAsync(TestUser user)
    {
        using var client = api.Client(user.Token);
        return await client.GetFromJsonAsync<JsonElement>("/api/me/waitlist");
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PlaceAsync(TestUser user, Guid ticketTypeId)
    {
        using var client = api.Client(user.Token);
        using var response = await client.GetAsync($"/api/ticket-types/{ticketTypeId}/waitlist");
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>The users told about <paramref name="ticketTypeId"/> through the outbox, in queue order.</summary>
    public async Task<IReadOnlyList<Guid>> NotifiedUsersAsync(Guid ticketTypeId)
    {
        await using var command = api.Database.DataSource.CreateCommand(
            "SELECT (payload ->> 'userId')::uuid FROM outbox WHERE kind = 'waitlist_seats_available' AND payload ->> 'ticketTypeId' = $1 ORDER BY id");
        command.Parameters.AddWithValue(ticketTypeId.ToString());
        await using var reader = await command.ExecuteReaderAsync();
        var users = new List<Guid>();
        while (await reader.ReadAsync())
        {
            users.Add(reader.GetGuid(0));
        }

        return users;
    }

    /// <summary>The recipients of the waitlist messages the default sender wrote to message_log.</summary>
    public async Task<IReadOnlyList<string>> LoggedRecipientsAsync(IEnumerable<string> among)
    {
        await using var command = api.Database.DataSource.CreateCommand(
            "SELECT recipient FROM message_log WHERE template = 'waitlist_seats_available' AND recipient = ANY($1) ORDER BY id");
        command.Parameters.AddWithValue(among.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var recipients = new List<string>();
        while (await reader.ReadAsync())
        {
            recipients.Add(reader.GetString(0));
        }

        return recipients;
    }
}
