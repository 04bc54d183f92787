using System.Net;
using System.Security.Cryptography;
using System.Text;
using Fashionistas.Tests.Infrastructure;
using Fashionistas.Web.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Fashionistas.Tests.Api;

/// <summary>Access tokens are checked by the JwtBearer handler: our signature, HS256 only, issuer, audience, expiry.</summary>
public sealed class AccessTokenTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ATokenFromSignInReachesASignedInRoute()
    {
        var user = await api.CreateUserAsync();

        Assert.Equal(HttpStatusCode.OK, await MeAsync(user.Token));
    }

    [Fact]
    public async Task ATokenWhosePayloadWasChangedIsRefused()
    {
        var user = await api.CreateUserAsync();
        var parts = user.Token.Split('.');
        var payload = Encoding.UTF8.GetString(FromBase64Url(parts[1])).Replace("\"attendee\"", "\"admin\"", StringComparison.Ordinal);

        var forged = parts[0] + "." + Base64Url(Encoding.UTF8.GetBytes(payload)) + "." + parts[2];

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(forged));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync("not-a-token"));
    }

    [Fact]
    public async Task AnUnsignedTokenOrOneSignedWithAnotherKeyIsRefused()
    {
        var user = await api.CreateUserAsync();
        var parts = user.Token.Split('.');
        var unsigned = Base64Url("""{"alg":"none","typ":"JWT"}"""u8.ToArray()) + "." + parts[1] + ".";
        var otherKey = Tokens(Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)), new JwtOptions(), TimeProvider.System);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(unsigned));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(Issue(otherKey, user)));
    }

    [Fact]
    public async Task ATokenForAnotherAudienceOrIssuerOrPastItsExpiryIsRefused()
    {
        var user = await api.CreateUserAsync();
        var key = Convert.ToBase64String(api.Services.GetRequiredService<SigningKey>().Bytes);
        var lastWeek = new ManualTimeProvider(DateTimeOffset.UtcNow.AddDays(-7));

        Assert.Equal(HttpStatusCode.OK, await MeAsync(Issue(Tokens(key, new JwtOptions(), TimeProvider.System), user)));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(Issue(Tokens(key, new JwtOptions { Audience = "someone-else" }, TimeProvider.System), user)));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(Issue(Tokens(key, new JwtOptions { Issuer = "someone-else" }, TimeProvider.System), user)));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(Issue(Tokens(key, new JwtOptions(), lastWeek), user)));
    }

    private async Task<HttpStatusCode> MeAsync(string token)
    {
        using var client = api.Client(token);
        using var response = await client.GetAsync("/api/me");
        return response.StatusCode;
    }

    private static JwtTokens Tokens(string signingKey, JwtOptions options, TimeProvider time)
    {
        options.SigningKey = signingKey;
        var wrapped = Options.Create(options);
        return new JwtTokens(new SigningKey(wrapped, NullLogger<SigningKey>.Instance), wrapped, time);
    }

    /// <summary>A token for the user carrying the user's current security stamp (read from the token sign-in gave).</summary>
    private static string Issue(JwtTokens tokens, TestUser user)
    {
        using var payload = System.Text.Json.JsonDocument.Parse(FromBase64Url(user.Token.Split('.')[1]));
        var stamp = Guid.ParseExact(payload.RootElement.GetProperty(SecurityStampClaim.Type).GetString()!, "N");
        return tokens.Issue(user.Id, user.Email, "Ana", ["attendee"], stamp).Token;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
