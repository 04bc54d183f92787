using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;
using Fashionistas.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Fashionistas.Tests.Security;

/// <summary>
/// Remembering validated access tokens changes no answer: a remembered token still expires on time, a token that
/// differs by one character is checked afresh, each request gets its own identity, and revocation by security stamp
/// still applies.
/// </summary>
public sealed class ValidatedTokenCacheTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ATokenAcceptedBeforeIsRefusedOnceItExpires()
    {
        var user = await api.CreateUserAsync();
        var o = api.Services.GetRequiredService<IOptions<JwtOptions>>().Value;
        // Expired 20 s ago: accepted for ~10 s more within the 30 s clock skew the check tolerates.
        var issuedAt = new ManualTimeProvider(DateTimeOffset.UtcNow - o.TokenLifetime - TimeSpan.FromSeconds(20));
        var token = Issue(issuedAt, user);

        var first = await MeAsync(token);
        var second = await MeAsync(token);

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.OK, second);
        Assert.True(await Eventually.TrueAsync(async () => await MeAsync(token) == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task ATokenDifferingFromAnAcceptedOneByOneCharacterIsCheckedAfresh()
    {
        var user = await api.CreateUserAsync();
        var accepted = await MeAsync(user.Token);
        var last = user.Token[^1];
        var altered = user.Token[..^1] + (last == 'A' ? 'B' : 'A');

        Assert.Equal(HttpStatusCode.OK, accepted);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(altered));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(user.Token));
    }

    [Fact]
    public async Task EachValidationOfTheSameTokenGetsItsOwnIdentity()
    {
        var user = await api.CreateUserAsync();
        var options = api.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        var handler = Assert.IsType<ValidatedTokenCache>(Assert.Single(options.TokenHandlers));

        var first = await handler.ValidateTokenAsync(user.Token, options.TokenValidationParameters);
        first.ClaimsIdentity.AddClaim(new Claim(ClaimTypes.Role, "admin"));
        var second = await handler.ValidateTokenAsync(user.Token, options.TokenValidationParameters);

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.DoesNotContain(second.ClaimsIdentity.FindAll(ClaimTypes.Role), c => c.Value == "admin");
        Assert.Equal(user.Id.ToString(), second.ClaimsIdentity.FindFirst(ClaimTypes.NameIdentifier)?.Value);
    }

    [Fact]
    public async Task ARememberedTokenIsAnsweredByTheLeanHandlerWithItsOwnIdentityEachTime()
    {
        var user = await api.CreateUserAsync();
        var scheme = await api.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(JwtBearerDefaults.AuthenticationScheme);
        Assert.Equal(typeof(CachedJwtBearerHandler), scheme?.HandlerType);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(user.Token)); // now remembered

        var first = await AuthenticateAsync(user.Token);
        first.Principal!.Identities.First().AddClaim(new Claim(ClaimTypes.Role, "admin"));
        var second = await AuthenticateAsync(user.Token);
        var altered = await AuthenticateAsync(user.Token[..^1] + (user.Token[^1] == 'A' ? 'B' : 'A'));

        Assert.True(second.Succeeded);
        Assert.NotSame(first.Principal, second.Principal);
        Assert.False(second.Principal!.IsInRole("admin"));
        Assert.Equal(user.Id.ToString(), second.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.NotNull(second.Properties?.ExpiresUtc);
        Assert.False(altered.Succeeded);
    }

    private async Task<AuthenticateResult> AuthenticateAsync(string token)
    {
        using var scope = api.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers.Authorization = "Bearer " + token;
        return await context.RequestServices.GetRequiredService<IAuthenticationService>().AuthenticateAsync(context, JwtBearerDefaults.AuthenticationScheme);
    }

    [Fact]
    public async Task ARememberedTokenIsStillRevokedByARoleChange()
    {
        var organizer = await api.CreateUserAsync("organizer");
        using var client = api.Client(organizer.Token);
        using var before = await client.GetAsync("/api/me/events");
        using var admin = api.Client(await api.AdminTokenAsync());

        using var demotion = await admin.PutAsJsonAsync($"/api/users/{organizer.Id}/roles", new { roles = new[] { "attendee" } });
        using var after = await client.GetAsync("/api/me/events");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, demotion.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    private async Task<HttpStatusCode> MeAsync(string token)
    {
        using var client = api.Client(token);
        using var response = await client.GetAsync("/api/me");
        return response.StatusCode;
    }

    /// <summary>A token for the user, with the server's key and the user's current stamp, issued at <paramref name="time"/>'s now.</summary>
    private string Issue(TimeProvider time, TestUser user)
    {
        var options = api.Services.GetRequiredService<IOptions<JwtOptions>>();
        var tokens = new JwtTokens(api.Services.GetRequiredService<SigningKey>(), options, time);
        var payload = user.Token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        using var claims = JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=')));
        var stamp = Guid.ParseExact(claims.RootElement.GetProperty(SecurityStampClaim.Type).GetString()!, "N");
        return tokens.Issue(user.Id, user.Email, "Ana", ["attendee"], stamp).Token;
    }
}
