namespace Fashionistas.Silo.Payments.Stripe;

/// <summary>The metadata keys we put on Stripe objects, so a webhook finds its order (and hold) without a lookup.</summary>
public static class StripeMetadata
{
    public const string OrderId = "order_id";
    public const string HoldId = "hold_id";
}
