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

    /// <summary>
    /// <c>hosted</c> (default): checkout hands the buyer to Stripe's hosted payment page (a Checkout Session);
    /// <c>intent</c>: a bare PaymentIntent whose client secret an integrator's own Payment Element or app confirms.
    /// </summary>
    public string CheckoutMode { get; set; } = StripeCheckoutModes.Hosted;

    /// <summary>
    /// The site's public root (<c>https://tickets.example.com</c>) for Stripe's success and cancel links; empty: the
    /// scheme and host the buyer's checkout request came to.
    /// </summary>
    public string? SiteUrl { get; set; }

    /// <summary>How often Checkout Sessions whose hold ended are expired at Stripe; default 30 seconds.</summary>
    public TimeSpan SessionExpirySweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How far a webhook's signed timestamp may be from now; default 5 minutes (Stripe's advice).</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Time limit for one HTTP attempt; default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Stripe.net's retries after a network error, 409, 429 or 5xx (unless Stripe says not to), with the same
    /// idempotency key; default 3 (0 to 10).
    /// </summary>
    public int MaxRetries { get; set; } = 3;
}
