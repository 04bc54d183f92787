using Microsoft.Extensions.Options;
using Stripe;

namespace Fashionistas.Silo.Payments.Stripe;

/// <summary>
/// Builds Stripe.net clients over an <see cref="HttpClient"/> from the factory (so handlers rotate): API root from
/// <see cref="StripeOptions.BaseUrl"/>, one attempt limited to <see cref="StripeOptions.RequestTimeout"/>, and
/// Stripe.net's own retries (network errors, 409, 429, 5xx, <c>Stripe-Should-Retry</c>) with the same idempotency key.
/// </summary>
public sealed class StripeClients(IHttpClientFactory httpClients, IOptions<PaymentOptions> options)
{
    /// <summary>Name of the factory's HttpClient for Stripe.</summary>
    public const string HttpClientName = "stripe";

    public IStripeClient Create()
    {
        var stripe = options.Value.Stripe;
        var http = httpClients.CreateClient(HttpClientName);
        http.Timeout = stripe.RequestTimeout;
        // Stripe.net's backoff between retries is its own (exponential with jitter, 0.5 to 5 seconds, process-wide).
        var transport = new SystemNetHttpClient(http, stripe.MaxRetries, appInfo: null, enableTelemetry: false);
        return new StripeClient(apiKey: stripe.SecretKey, httpClient: transport, apiBase: stripe.BaseUrl.TrimEnd('/'));
    }
}
