using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Fashionistas.Web.Auth;

/// <summary>
/// Issues and validates compact JWTs signed with HMAC-SHA256. Written here because the JwtBearer package
/// cannot be restored from our registry; it accepts only alg HS256 and checks signature, issuer, audience, expiry.
/// </summary>
public sealed class JwtTokens(SigningKey key, IOptions<JwtOptions> options, TimeProvider time)
{
    private static readonly string Header = Base64Url(Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}"""));
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

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

    /// <summary>The principal of a valid token, or null with the reason.</summary>
    public ClaimsPrincipal? Validate(string token, out string? failure)
    {
        failure = null;
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            failure = "malformed token";
            return null;
        }

        try
        {
            using var header = JsonDocument.Parse(FromBase64Url(parts[0]));
            if (!header.RootElement.TryGetProperty("alg", out var alg) || alg.GetString() != "HS256")
            {
                failure = "unsupported algorithm";
                return null;
            }

            var expected = Sign(parts[0] + "." + parts[1]);
            if (!CryptographicOperations.FixedTimeEquals(expected, FromBase64Url(parts[2])))
            {
                failure = "bad signature";
                return null;
            }

            using var payload = JsonDocument.Parse(FromBase64Url(parts[1]));
            var root = payload.RootElement;
            var o = options.Value;
            if (root.GetProperty("iss").GetString() != o.Issuer || root.GetProperty("aud").GetString() != o.Audience)
            {
                failure = "wrong issuer or audience";
                return null;
            }

            if (DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("exp").GetInt64()) + ClockSkew < time.GetUtcNow())
            {
                failure = "token expired";
                return null;
            }

            var claims = new List<Claim>
            {
                new(ClaimTypes.NameIdentifier, root.GetProperty("sub").GetString()!),
                new(ClaimTypes.Email, root.GetProperty("email").GetString()!),
                new(ClaimTypes.Name, root.GetProperty("name").GetString()!),
                new("exp", root.GetProperty("exp").GetInt64().ToString(CultureInfo.InvariantCulture)),
            };
            if (root.TryGetProperty(SecurityStampClaim.Type, out var stamp) && stamp.ValueKind == JsonValueKind.String)
            {
                claims.Add(new Claim(SecurityStampClaim.Type, stamp.GetString()!));
            }

            claims.AddRange(root.GetProperty("role").EnumerateArray().Select(r => new Claim(ClaimTypes.Role, r.GetString()!)));
            return new ClaimsPrincipal(new ClaimsIdentity(claims, JwtAuthenticationHandler.SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            failure = "malformed token";
            return null;
        }
    }

    private byte[] Sign(string data) => HMACSHA256.HashData(key.Bytes, Encoding.ASCII.GetBytes(data));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string s)
    {
        var b = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b.PadRight(b.Length + ((4 - (b.Length % 4)) % 4), '='));
    }
}
