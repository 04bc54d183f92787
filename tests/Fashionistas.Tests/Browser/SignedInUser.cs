using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Browser;

/// <summary>A user whose session the pages find in sessionStorage, as if they had signed in on the login page.</summary>
public sealed record SignedInUser(TestUser User, string DisplayName, IReadOnlyList<string> Roles)
{
    private const string SessionKey = "fashionistas.session";

    public static async Task<SignedInUser> CreateAsync(ApiFactory api, string role = "attendee", string? name = null)
    {
        var user = await api.CreateUserAsync(role, name);
        using var client = api.Client(user.Token);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
        return new SignedInUser(user, me.GetProperty("displayName").GetString()!,
            [.. me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!)]);
    }

    public static async Task<SignedInUser> AdminAsync(ApiFactory api)
    {
        var token = await api.AdminTokenAsync();
        using var client = api.Client(token);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
        var user = new TestUser(me.GetProperty("id").GetGuid(), ApiFactory.AdminEmail, ApiFactory.AdminPassword, token);
        return new SignedInUser(user, me.GetProperty("displayName").GetString()!,
            [.. me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!)]);
    }

    /// <summary>Script run before the pages' own: puts the session where session.js reads it.</summary>
    public string SessionScript()
    {
        var session = JsonSerializer.Serialize(new
        {
            token = User.Token,
            expiresAt = (string?)null,
            user = new { id = User.Id, email = User.Email, displayName = DisplayName, roles = Roles },
        });
        return $"sessionStorage.setItem({JsonSerializer.Serialize(SessionKey)}, {JsonSerializer.Serialize(session)});";
    }
}
