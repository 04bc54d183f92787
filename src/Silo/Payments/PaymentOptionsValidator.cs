using Fashionistas.Silo.Payments.Stripe;
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

        if (stripe.CheckoutMode is not (StripeCheckoutModes.Hosted or StripeCheckoutModes.Intent))
        {
            failures.Add($"Payments:Stripe:CheckoutMode must be '{StripeCheckoutModes.Hosted}' or '{StripeCheckoutModes.Intent}'.");
        }

        if (!string.IsNullOrWhiteSpace(stripe.SiteUrl)
            && (!Uri.TryCreate(stripe.SiteUrl, UriKind.Absolute, out var site) || site.Scheme is not ("https" or "http")))
        {
            failures.Add("Payments:Stripe:SiteUrl must be an absolute http(s) URL when set.");
        }

        if (stripe.SessionExpirySweepInterval <= TimeSpan.Zero)
        {
            failures.Add("Payments:Stripe:SessionExpirySweepInterval must be positive.");
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

        if (string.IsNullOrEmpty(options.Test.DeclineEmailMarker))
        {
            failures.Add("Payments:Test:DeclineEmailMarker must not be empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
