namespace Fashionistas.Silo.Payments.Stripe;

/// <summary>
/// Configuration section <c>Payments:Stripe</c>. Secrets come only from configuration (user secrets,
/// environment variables such as <c>Payments__Stripe__SecretKey</c>), never from source.
/// </summary>
public sealed class StripeOptions
{
    /// <summary>Secret API key (<c>sk_test_...</c> / <c>sk_live_...</c>); setting it selects Stripe.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Webhook endpoint signing secret (<c>whsec_...</c>); without it every webhook is rejected.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>API root; default <c>https://api.stripe.com</c> (tests point it at a local server).</summary>
    public string BaseUrl { get; set; } = "https://api.stripe.com";

    /// <summary>Pins the <c>Stripe-Version</c> header when set; empty uses the account's default version.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>How far a webhook's signed timestamp may be from now; default 5 minutes (Stripe's advice).</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Time limit for one HTTP attempt; default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a network error, 409, 429 or 5xx, with the same idempotency key; default 3 (0 to 10).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay, grown exponentially with jitter; default 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Cap on any single retry delay; default 5 seconds.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);
}
