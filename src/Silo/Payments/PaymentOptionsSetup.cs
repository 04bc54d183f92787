using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Payments;

/// <summary>Chooses the provider when <c>Payments:Provider</c> is empty: Stripe when a secret key is configured.</summary>
internal sealed class PaymentOptionsSetup : IPostConfigureOptions<PaymentOptions>
{
    public void PostConfigure(string? name, PaymentOptions options)
    {
        options.Provider = string.IsNullOrWhiteSpace(options.Provider)
            ? string.IsNullOrWhiteSpace(options.Stripe.SecretKey) ? PaymentProviderNames.Test : PaymentProviderNames.Stripe
            : options.Provider.Trim().ToLowerInvariant();
        options.Stripe.CheckoutMode = options.Stripe.CheckoutMode?.Trim().ToLowerInvariant() ?? string.Empty;
    }
}
