namespace Fashionistas.Silo.Checkout;

/// <summary>The orders.status names (the CHECK in 0001_core.sql) that checkout, refunds and webhooks use.</summary>
public static class OrderStatusNames
{
    public const string PendingPayment = "pending_payment";
    public const string Paid = "paid";
    public const string Failed = "failed";
    public const string Refunded = "refunded";
    public const string PartiallyRefunded = "partially_refunded";
    public const string Cancelled = "cancelled";

    /// <summary>Tickets were issued and some may still be refunded.</summary>
    public static bool IsRefundable(string status) => status is Paid or PartiallyRefunded or Refunded;
}
