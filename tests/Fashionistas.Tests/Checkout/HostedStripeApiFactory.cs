namespace Fashionistas.Tests.Checkout;

/// <summary>
/// Stripe as in <see cref="StripeApiFactory"/>, in its default mode: checkout sends the buyer to the (fake) hosted
/// payment page, and the sweep of sessions whose hold ended runs every second.
/// </summary>
public sealed class HostedStripeApiFactory : StripeApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = StripeSettings();
            settings.Remove("Payments:Stripe:CheckoutMode");
            settings["Payments:Stripe:SessionExpirySweepInterval"] = "00:00:01";
            return settings;
        }
    }
}
