using System.ComponentModel.DataAnnotations;

namespace Fashionistas.Web.Auth;

/// <summary>
/// Section <c>RateLimiting:SignIn</c>: sign-in attempts per account (by e-mail, known or not), beside the per-IP
/// limit. After <see cref="FreeAttempts"/> attempts without a success, each further attempt must wait, twice as long
/// each time, from <see cref="FirstDelay"/> up to <see cref="MaxDelay"/>. A success starts over.
/// </summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "RateLimiting:SignIn";

    /// <summary>Attempts without a wait (default 5).</summary>
    [Range(1, 1000)]
    public int FreeAttempts { get; set; } = 5;

    /// <summary>The first wait (default 1 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait (default 15 min).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>An account with no attempt for this long starts over (default 1 h).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most accounts tracked per node (default 100,000); beyond it the quiet ones are dropped first.</summary>
    [Range(1, 10_000_000)]
    public int MaxTrackedAccounts { get; set; } = 100_000;
}
