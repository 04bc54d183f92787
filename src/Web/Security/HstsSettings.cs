using System.ComponentModel.DataAnnotations;

namespace Fashionistas.Web.Security;

/// <summary>
/// Section <c>Hsts</c>: <c>Strict-Transport-Security</c> on answers served over HTTPS (directly, or through a trusted
/// proxy that says so in <c>X-Forwarded-Proto</c>). Off by default, because once a browser has seen it the site cannot
/// go back to plain HTTP for <see cref="MaxAge"/>.
/// </summary>
public sealed class HstsSettings
{
    public const string Section = "Hsts";

    public bool Enabled { get; set; }

    /// <summary>How long browsers remember to use HTTPS only (default 365 days).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "730.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(365);

    public bool IncludeSubDomains { get; set; }

    public bool Preload { get; set; }
}
