namespace Fashionistas.Silo.Payments.Stripe;

/// <summary>The webhook event types we act on; everything else is <see cref="Ignored"/>.</summary>
public enum StripeWebhookEventKind
{
    /// <summary>Any other type: acknowledge (2xx) and do nothing.</summary>
    Ignored,

    /// <summary>
    /// <c>payment_intent.succeeded</c>, or a hosted page paid (<c>checkout.session.completed</c> with
    /// <c>payment_status</c> paid, <c>checkout.session.async_payment_succeeded</c>): mark the order paid, issue tickets.
    /// </summary>
    PaymentSucceeded,

    /// <summary>
    /// <c>payment_intent.payment_failed</c> (or <c>checkout.session.async_payment_failed</c>): the attempt failed; the
    /// hold may still be retried or expire.
    /// </summary>
    PaymentFailed,

    /// <summary><c>charge.refunded</c>: money went back (fully or partly); see <see cref="StripeWebhookEvent.AmountRefundedCop"/>.</summary>
    ChargeRefunded,

    /// <summary><c>charge.dispute.created</c>: the buyer disputed the charge with their bank.</summary>
    DisputeCreated,

    /// <summary><c>checkout.session.expired</c>: the hosted page can take no money any more; the order is cancelled.</summary>
    CheckoutExpired,
}
