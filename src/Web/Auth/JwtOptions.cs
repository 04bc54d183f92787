using System.ComponentModel.DataAnnotations;

namespace Fashionistas.Web.Auth;

/// <summary>Section <c>Auth</c>: how access tokens (JWT, HS256) are issued and checked.</summary>
public sealed class JwtOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// Base64 HMAC key (at least 32 bytes). When empty, one is generated once and kept in <see cref="KeyFile"/>;
    /// set it explicitly when several nodes share a database.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Where a generated key is kept (default <c>.data/jwt-signing.key</c>).</summary>
    [Required]
    public string KeyFile { get; set; } = Path.Combine(".data", "jwt-signing.key");

    [Required]
    public string Issuer { get; set; } = "fashionistas";

    [Required]
    public string Audience { get; set; } = "fashionistas-api";

    /// <summary>Access token lifetime (default 2 hours). Role changes take effect at the next sign-in.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(2);
}
