namespace Fashionistas.Silo.Payments.Stripe;

/// <summary>
/// The fields of a verified Stripe event that the ticketing flow needs. Amounts are whole pesos.
/// Handlers must de-duplicate on <see cref="EventId"/> (Stripe redelivers; see table <c>webhook_events</c>).
/// </summary>
/// <param name="EventId">Stripe's event id (<c>evt_...</c>).</param>
/// <param name="Type">Stripe's event type, e.g. <c>payment_intent.succeeded</c>.</param>
/// <param name="Kind">What we make of <paramref name="Type"/>.</param>
/// <param name="Created">When Stripe created the event.</param>
/// <param name="LiveMode">False for test-mode events.</param>
/// <param name="PaymentIntentId">The payment: the intent itself, or a charge's or dispute's <c>payment_intent</c>.</param>
/// <param name="OrderId"><c>metadata.order_id</c> of the object, when present and a GUID.</param>
/// <param name="AmountCop">The object's <c>amount</c> in pesos.</param>
/// <param name="AmountRefundedCop">A charge's <c>amount_refunded</c> in pesos (cumulative).</param>
/// <param name="ChargeId">The charge (<c>ch_...</c>) for charge and dispute events.</param>
/// <param name="DisputeId">The dispute (<c>dp_...</c>) for dispute events.</param>
/// <param name="FailureReason">Decline code for failed payments, dispute reason for disputes.</param>
/// <param name="CheckoutSessionId">The hosted page's session (<c>cs_...</c>) for <c>checkout.session.*</c> events.</param>
public sealed record StripeWebhookEvent(
    string EventId,
    string Type,
    StripeWebhookEventKind Kind,
    DateTimeOffset Created,
    bool LiveMode,
    string? PaymentIntentId,
    Guid? OrderId,
    long? AmountCop,
    long? AmountRefundedCop,
    string? ChargeId,
    string? DisputeId,
    string? FailureReason,
    string? CheckoutSessionId = null);
