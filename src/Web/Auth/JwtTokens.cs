using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Fashionistas.Web.Auth;

/// <summary>
/// Issues compact JWTs signed with HMAC-SHA256 (alg HS256). ASP.NET Core's JwtBearer handler checks them (see
/// <see cref="JwtBearerSetup"/>): signature, algorithm, issuer, audience, expiry.
/// </summary>
public sealed class JwtTokens(SigningKey key, IOptions<JwtOptions> options, TimeProvider time)
{
    private static readonly string Header = Base64Url(Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}"""));

    /// <summary>A token for the user as they are now; <paramref name="securityStamp"/> is their current stamp (see <see cref="SecurityStampClaim"/>).</summary>
    public (string Token, DateTimeOffset ExpiresAt) Issue(
        Guid userId, string email, string displayName, IEnumerable<string> roles, Guid securityStamp)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var expires = now + o.TokenLifetime;
        var payload = new JsonObject
        {
            ["sub"] = userId.ToString(),
            ["email"] = email,
            ["name"] = displayName,
            ["role"] = new JsonArray([.. roles.Select(r => JsonValue.Create(r))]),
            [SecurityStampClaim.Type] = securityStamp.ToString("N"),
            ["iss"] = o.Issuer,
            ["aud"] = o.Audience,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        var body = Header + "." + Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return (body + "." + Base64Url(Sign(body)), expires);
    }

    private byte[] Sign(string data) => HMACSHA256.HashData(key.Bytes, Encoding.ASCII.GetBytes(data));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
