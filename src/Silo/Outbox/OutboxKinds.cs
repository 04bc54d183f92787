namespace Fashionistas.Silo.Outbox;

/// <summary>Values of <c>outbox.kind</c>; each payload is <c>{"orderId": "..."}</c>.</summary>
public static class OutboxKinds
{
    /// <summary>A paid order's tickets are issued: written by the inventory commit that issues them.</summary>
    public const string TicketConfirmation = "ticket_confirmation";

    /// <summary>Money went back to the buyer: written with the order's new refunded amount.</summary>
    public const string RefundIssued = "refund_issued";

    /// <summary>A payment attempt was declined: written with the order's failed status.</summary>
    public const string PaymentFailed = "payment_failed";
}
