using System.ComponentModel.DataAnnotations;

namespace Fashionistas.Silo.Accounts;

/// <summary>Section <c>Accounts</c>: e-mail verification and password reset.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>
    /// Holding seats, checking out and joining a waitlist need a confirmed e-mail (default true), so a sale cannot be
    /// farmed with invented accounts. Turn off only for load tests and rehearsals with generated buyers.
    /// </summary>
    public bool RequireVerifiedEmailToBuy { get; set; } = true;

    /// <summary>How long a password-reset link works after it was e-mailed; default 30 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long an e-mail verification link works after it was e-mailed; default 7 days.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan VerificationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Reset (and, separately, verification) e-mails per address per hour; more requests are answered alike but send nothing. Default 3.</summary>
    [Range(1, 100)]
    public int EmailsPerAddressPerHour { get; set; } = 3;
}
