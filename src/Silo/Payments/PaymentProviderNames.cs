namespace Fashionistas.Silo.Payments;

/// <summary>Values of <c>Payments:Provider</c> and of <c>orders.payment_provider</c>.</summary>
public static class PaymentProviderNames
{
    public const string Test = "test";
    public const string Stripe = "stripe";
}
