namespace Fashionistas.Silo.Payments.Stripe;

/// <summary>Values of <c>Payments:Stripe:CheckoutMode</c>.</summary>
public static class StripeCheckoutModes
{
    /// <summary>Stripe's hosted payment page (Checkout Session): no card data ever reaches our pages.</summary>
    public const string Hosted = "hosted";

    /// <summary>A PaymentIntent with its client secret, for integrators that confirm it themselves.</summary>
    public const string Intent = "intent";
}
