namespace Fashionistas.Grains.Storage;

/// <summary>The orders.status names the inventory reads and writes.</summary>
public static class OrderStatuses
{
    public const string PendingPayment = "pending_payment";
    public const string Paid = "paid";
    public const string Failed = "failed";

    /// <summary>An order may be confirmed while its payment is pending or after a failed attempt was retried.</summary>
    public static bool AwaitsPayment(string status) => status is PendingPayment or Failed;
}
