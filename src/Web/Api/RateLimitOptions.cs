using System.ComponentModel.DataAnnotations;

namespace Fashionistas.Web.Api;

/// <summary>Section <c>RateLimiting</c>: per-client limits (token buckets) answered with 429 + Retry-After.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Sign-ups and sign-ins per client IP per minute (default 120).</summary>
    [Range(1, int.MaxValue)]
    public int AuthPerIpPerMinute { get; set; } = 120;

    /// <summary>Password-reset, reset-confirm and verification requests per client IP per hour (default 30).</summary>
    [Range(1, int.MaxValue)]
    public int RecoveryPerIpPerHour { get; set; } = 30;

    /// <summary>Hold/checkout requests per signed-in user per minute (default 60).</summary>
    [Range(1, int.MaxValue)]
    public int PurchasePerUserPerMinute { get; set; } = 60;

    /// <summary>Hold/checkout requests per client IP per second (default 2,000; one IP may be a venue's NAT).</summary>
    [Range(1, int.MaxValue)]
    public int PurchasePerIpPerSecond { get; set; } = 2000;
}
