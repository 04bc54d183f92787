using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Payments;

/// <summary>Fails start-up on a configuration that would only fail later, at the first sale.</summary>
internal sealed class PaymentOptionsValidator : IValidateOptions<PaymentOptions>
{
    private const int MaxRetriesLimit = 10;

    public ValidateOptionsResult Validate(string? name, PaymentOptions options)
    {
        var failures = new List<string>();
        if (options.Provider is not (PaymentProviderNames.Test or PaymentProviderNames.Stripe))
        {
            failures.Add($"Payments:Provider must be '{PaymentProviderNames.Test}' or '{PaymentProviderNames.Stripe}'.");
        }

        var stripe = options.Stripe;
        if (options.Provider == PaymentProviderNames.Stripe && string.IsNullOrWhiteSpace(stripe.SecretKey))
        {
            failures.Add("Payments:Stripe:SecretKey is required when Payments:Provider is 'stripe'.");
        }

        if (!Uri.TryCreate(stripe.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
        {
            failures.Add("Payments:Stripe:BaseUrl must be an absolute http(s) URL.");
        }

        if (stripe.WebhookTolerance <= TimeSpan.Zero)
        {
            failures.Add("Payments:Stripe:WebhookTolerance must be positive.");
        }

        if (stripe.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add("Payments:Stripe:RequestTimeout must be positive.");
        }

        if (stripe.MaxRetries is < 0 or > MaxRetriesLimit)
        {
            failures.Add($"Payments:Stripe:MaxRetries must be between 0 and {MaxRetriesLimit}.");
        }

        if (stripe.RetryBaseDelay < TimeSpan.Zero || stripe.RetryMaxDelay < stripe.RetryBaseDelay)
        {
            failures.Add("Payments:Stripe:RetryBaseDelay must be >= 0 and RetryMaxDelay >= RetryBaseDelay.");
        }

        if (string.IsNullOrEmpty(options.Test.DeclineEmailMarker))
        {
            failures.Add("Payments:Test:DeclineEmailMarker must not be empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
