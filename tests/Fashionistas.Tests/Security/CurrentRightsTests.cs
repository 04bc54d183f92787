using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Fashionistas.Tests.Infrastructure;
using Fashionistas.Web.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fashionistas.Tests.Security;

/// <summary>Rights follow the account: a role or password change takes effect on the next request, not at token expiry.</summary>
public sealed class CurrentRightsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ADemotedAdminsOldTokenIsRefusedOnTheNextCallAndCannotRegrantItself()
    {
        var demoted = await api.CreateUserAsync("admin");
        using var other = api.Client(await api.AdminTokenAsync());
        using var old = api.Client(demoted.Token);
        using var before = await old.GetAsync("/api/users");

        using var demotion = await other.PutAsJsonAsync($"/api/users/{demoted.Id}/roles", new { roles = new[] { "attendee" } });
        using var list = await old.GetAsync("/api/users");
        using var regrant = await old.PutAsJsonAsync($"/api/users/{demoted.Id}/roles", new { roles = new[] { "admin" } });

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, demotion.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, regrant.StatusCode);
        Assert.Equal(["attendee"], await RolesAsync(demoted.Id));
    }

    [Fact]
    public async Task ADemotedOrganizerCannotCreateEventsWithTheOldToken()
    {
        var organizer = await api.CreateUserAsync("organizer");
        using var admin = api.Client(await api.AdminTokenAsync());
        using var demotion = await admin.PutAsJsonAsync($"/api/users/{organizer.Id}/roles", new { roles = new[] { "attendee" } });
        using var old = api.Client(organizer.Token);

        using var created = await old.PostAsJsonAsync("/api/events", new
        {
            name = "Con el token viejo",
            venue = "Bogotá",
            startsAt = DateTimeOffset.UtcNow.AddDays(5),
            endsAt = DateTimeOffset.UtcNow.AddDays(5).AddHours(2),
            capacity = 10,
        });
        var signedInAgain = await api.LoginAsync(organizer.Email, organizer.Password);
        var me = await api.Client(signedInAgain).GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(HttpStatusCode.OK, demotion.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, created.StatusCode);
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM events WHERE organizer_id = @id", organizer.Id));
        Assert.Equal(["attendee"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task NobodyCanGiveThemselvesARoleNotEvenAnAdmin()
    {
        var admin = await api.CreateUserAsync("admin");
        using var client = api.Client(admin.Token);

        using var raised = await client.PutAsJsonAsync($"/api/users/{admin.Id}/roles", new { roles = new[] { "admin", "organizer" } });
        using var still = await client.GetAsync("/api/users");

        Assert.Equal(HttpStatusCode.Forbidden, raised.StatusCode);
        Assert.Equal("application/problem+json", raised.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
        Assert.Equal(["admin"], await RolesAsync(admin.Id));
    }

    [Fact]
    public async Task SavingTheSameRolesKeepsTheUserSignedIn()
    {
        var organizer = await api.CreateUserAsync("organizer");
        using var admin = api.Client(await api.AdminTokenAsync());

        using var same = await admin.PutAsJsonAsync($"/api/users/{organizer.Id}/roles", new { roles = new[] { "organizer" } });
        using var mine = await api.Client(organizer.Token).GetAsync("/api/me/events");

        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
    }

    [Fact]
    public async Task APasswordChangeSignsOutEveryEarlierTokenAndAnswersANewOne()
    {
        var user = await api.CreateUserAsync();
        var otherDevice = await api.LoginAsync(user.Email, user.Password);
        using var client = api.Client(user.Token);

        using var changed = await client.PutAsJsonAsync("/api/me/password", new { currentPassword = user.Password, newPassword = "Otra-clave-segura-9" });
        var fresh = (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        using var withOld = await client.GetAsync("/api/me");
        using var withOtherDevice = await api.Client(otherDevice).GetAsync("/api/me");
        using var withNew = await api.Client(fresh).GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withOld.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withOtherDevice.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
    }

    [Fact]
    public async Task APasswordWrittenStraightToTheDatabaseRevokesOldTokensWithinTheCacheTime()
    {
        // How a reset by e-mail (or an operator) writes a password: no call into the web layer at all.
        var user = await api.CreateUserAsync();
        using var client = api.Client(user.Token);
        using var before = await client.GetAsync("/api/me");

        await ScalarAsync("UPDATE users SET password_hash = 'reset-elsewhere' WHERE id = @id RETURNING 0::bigint", user.Id);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            using var after = await client.GetAsync("/api/me");
            return after.StatusCode == HttpStatusCode.Unauthorized;
        }, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task TheDatabaseGivesANewStampOnEveryRoleOrPasswordChangeAndOnlyThen()
    {
        var user = await api.CreateUserAsync();
        const string stamp = "SELECT security_stamp FROM users WHERE id = @id";
        await using var connection = await api.Database.DataSource.OpenConnectionAsync();
        var first = await connection.ExecuteScalarAsync<Guid>(stamp, new { id = user.Id });

        await connection.ExecuteAsync("UPDATE users SET display_name = 'Otro nombre', updated_at = now() WHERE id = @id", new { id = user.Id });
        var afterName = await connection.ExecuteScalarAsync<Guid>(stamp, new { id = user.Id });
        await connection.ExecuteAsync("INSERT INTO user_roles (user_id, role) VALUES (@id, 'designer')", new { id = user.Id });
        var afterGrant = await connection.ExecuteScalarAsync<Guid>(stamp, new { id = user.Id });
        await connection.ExecuteAsync("DELETE FROM user_roles WHERE user_id = @id AND role = 'designer'", new { id = user.Id });
        var afterRevoke = await connection.ExecuteScalarAsync<Guid>(stamp, new { id = user.Id });
        await connection.ExecuteAsync("UPDATE users SET password_hash = 'other' WHERE id = @id", new { id = user.Id });
        var afterPassword = await connection.ExecuteScalarAsync<Guid>(stamp, new { id = user.Id });

        Assert.Equal(first, afterName);
        Assert.Equal(4, new[] { first, afterGrant, afterRevoke, afterPassword }.Distinct().Count());
    }

    [Fact]
    public async Task ASignedTokenWithoutAStampIsRefused()
    {
        var user = await api.CreateUserAsync("organizer");
        using var client = api.Client(StamplessToken(user));

        using var me = await client.GetAsync("/api/me");
        using var events = await client.GetAsync("/api/events");

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(HttpStatusCode.OK, events.StatusCode); // public routes still answer, as to anyone signed out
    }

    /// <summary>A token as issued before stamps existed: right key, issuer, audience and expiry, no stamp.</summary>
    private string StamplessToken(TestUser user)
    {
        var key = api.Services.GetRequiredService<SigningKey>().Bytes;
        var o = api.Services.GetRequiredService<IOptions<JwtOptions>>().Value;
        var now = DateTimeOffset.UtcNow;
        var header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8.ToArray());
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["sub"] = user.Id.ToString(),
            ["email"] = user.Email,
            ["name"] = "Sin sello",
            ["role"] = new[] { "organizer" },
            ["iss"] = o.Issuer,
            ["aud"] = o.Audience,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        }));
        var signature = Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(header + "." + payload)));
        return $"{header}.{payload}.{signature}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private async Task<IReadOnlyList<string>> RolesAsync(Guid userId)
    {
        await using var connection = await api.Database.DataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<string>("SELECT role FROM user_roles WHERE user_id = @userId ORDER BY role", new { userId })];
    }

    private async Task<long> ScalarAsync(string sql, Guid id)
    {
        await using var connection = await api.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, new { id });
    }
}
