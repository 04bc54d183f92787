namespace Fashionistas.Silo.Payments.Stripe;

/// <summary>One Stripe HTTP answer, read fully so a retry never holds a response open.</summary>
/// <param name="StatusCode">HTTP status.</param>
/// <param name="Body">Response body (JSON).</param>
/// <param name="ShouldRetry">Stripe's <c>Stripe-Should-Retry</c> header when present: it overrides our guess.</param>
internal sealed record StripeHttpResult(int StatusCode, string Body, bool? ShouldRetry)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
