using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Security;

/// <summary>
/// <c>GET /api/me</c> answers from the access token and the rights check it passed, without reading the account's row,
/// and a role change still shows on it: at once on the node that made it, within the stamp cache time (5 s) when it
/// was written straight to the database.
/// </summary>
public sealed class MeFromTokenTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task MeDescribesTheAccountFromItsTokenNotFromItsRow()
    {
        var user = await api.CreateUserAsync("organizer");
        using var client = api.Client(user.Token);
        var before = await client.GetFromJsonAsync<JsonElement>("/api/me");
        var tokenName = before.GetProperty("displayName").GetString();

        // A change that gives no new stamp (no route makes it; a row read would show it, the token does not).
        await ExecuteAsync("UPDATE users SET display_name = 'Cambiado en la base' WHERE id = @id", user.Id);
        var after = await client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(user.Id, after.GetProperty("id").GetGuid());
        Assert.Equal(user.Email, after.GetProperty("email").GetString());
        Assert.Equal(tokenName, after.GetProperty("displayName").GetString());
        Assert.NotEqual("Cambiado en la base", tokenName);
        Assert.Equal(["organizer"], after.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task ARoleChangeThroughTheApiShowsOnMeAtOnce()
    {
        var user = await api.CreateUserAsync();
        using var admin = api.Client(await api.AdminTokenAsync());
        using var old = api.Client(user.Token);
        using var before = await old.GetAsync("/api/me");

        using var granted = await admin.PutAsJsonAsync($"/api/users/{user.Id}/roles", new { roles = new[] { "attendee", "organizer" } });
        using var withOld = await old.GetAsync("/api/me");
        var fresh = await api.Client(await api.LoginAsync(user.Email, user.Password)).GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withOld.StatusCode);
        Assert.Equal(["attendee", "organizer"], fresh.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task ARoleWrittenStraightToTheDatabaseShowsOnMeWithinTheStampCacheTime()
    {
        // As another node (or an operator) would change it: no call into this node's web layer.
        var user = await api.CreateUserAsync();
        using var client = api.Client(user.Token);
        using var before = await client.GetAsync("/api/me");

        await ExecuteAsync("INSERT INTO user_roles (user_id, role) VALUES (@id, 'designer')", user.Id);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            using var after = await client.GetAsync("/api/me");
            return after.StatusCode == HttpStatusCode.Unauthorized;
        }, TimeSpan.FromSeconds(30)));
        var fresh = await api.Client(await api.LoginAsync(user.Email, user.Password)).GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal(["attendee", "designer"], fresh.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    private async Task ExecuteAsync(string sql, Guid id)
    {
        await using var connection = await api.Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(sql, new { id });
    }
}
