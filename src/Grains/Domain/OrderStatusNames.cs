namespace Fashionistas.Grains.Domain;

/// <summary>
/// The orders.status names (the CHECK in 0001_core.sql): the one declaration the ticket-type grain, checkout, refunds
/// and webhooks share.
/// </summary>
public static class OrderStatusNames
{
    public const string PendingPayment = "pending_payment";
    public const string Paid = "paid";
    public const string Failed = "failed";
    public const string Refunded = "refunded";
    public const string PartiallyRefunded = "partially_refunded";
    public const string Cancelled = "cancelled";

    /// <summary>An order may be confirmed while its payment is pending or after a failed attempt was retried.</summary>
    public static bool AwaitsPayment(string status) => status is PendingPayment or Failed;

    /// <summary>Tickets were issued and some may still be refunded.</summary>
    public static bool IsRefundable(string status) => status is Paid or PartiallyRefunded or Refunded;
}
