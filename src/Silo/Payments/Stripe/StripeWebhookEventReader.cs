using Charge = global::Stripe.Charge;
using CheckoutSession = global::Stripe.Checkout.Session;
using Dispute = global::Stripe.Dispute;
using PaymentIntent = global::Stripe.PaymentIntent;
using StripeEvent = global::Stripe.Event;

namespace Fashionistas.Silo.Payments.Stripe;

/// <summary>Reads what the ticketing flow needs from an event Stripe.net parsed; amounts become whole pesos.</summary>
internal static class StripeWebhookEventReader
{
    private const string Paid = "paid";
    private const string NoPaymentRequired = "no_payment_required";

    public static StripeWebhookEvent Read(StripeEvent stripeEvent)
    {
        var created = new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc));
        var read = new StripeWebhookEvent(
            stripeEvent.Id,
            stripeEvent.Type,
            StripeWebhookEventKind.Ignored,
            created,
            stripeEvent.Livemode,
            PaymentIntentId: null,
            OrderId: null,
            AmountCop: null,
            AmountRefundedCop: null,
            ChargeId: null,
            DisputeId: null,
            FailureReason: null);
        return stripeEvent.Data?.Object switch
        {
            PaymentIntent intent => read with
            {
                Kind = stripeEvent.Type switch
                {
                    "payment_intent.succeeded" => StripeWebhookEventKind.PaymentSucceeded,
                    "payment_intent.payment_failed" => StripeWebhookEventKind.PaymentFailed,
                    _ => StripeWebhookEventKind.Ignored,
                },
                PaymentIntentId = intent.Id,
                OrderId = OrderOf(intent.Metadata),
                AmountCop = StripeAmounts.ToPesos(intent.Amount),
                ChargeId = intent.LatestChargeId,
                FailureReason = stripeEvent.Type == "payment_intent.payment_failed"
                    ? intent.LastPaymentError?.DeclineCode ?? intent.LastPaymentError?.Code ?? intent.LastPaymentError?.Message
                    : null,
            },
            Charge charge => read with
            {
                Kind = stripeEvent.Type == "charge.refunded" ? StripeWebhookEventKind.ChargeRefunded : StripeWebhookEventKind.Ignored,
                PaymentIntentId = charge.PaymentIntentId,
                OrderId = OrderOf(charge.Metadata),
                AmountCop = StripeAmounts.ToPesos(charge.Amount),
                AmountRefundedCop = StripeAmounts.ToPesos(charge.AmountRefunded),
                ChargeId = charge.Id,
            },
            Dispute dispute => read with
            {
                Kind = stripeEvent.Type == "charge.dispute.created" ? StripeWebhookEventKind.DisputeCreated : StripeWebhookEventKind.Ignored,
                PaymentIntentId = dispute.PaymentIntentId,
                OrderId = OrderOf(dispute.Metadata),
                AmountCop = StripeAmounts.ToPesos(dispute.Amount),
                ChargeId = dispute.ChargeId,
                DisputeId = dispute.Id,
                FailureReason = dispute.Reason,
            },
            CheckoutSession session => read with
            {
                Kind = SessionKind(stripeEvent.Type, session.PaymentStatus),
                PaymentIntentId = session.PaymentIntentId,
                OrderId = OrderOf(session.Metadata) ?? (Guid.TryParse(session.ClientReferenceId, out var orderId) ? orderId : null),
                AmountCop = session.AmountTotal is { } total ? StripeAmounts.ToPesos(total) : null,
                CheckoutSessionId = session.Id,
                FailureReason = stripeEvent.Type == "checkout.session.async_payment_failed" ? "async_payment_failed" : null,
            },
            _ => read,
        };
    }

    // A completed session with payment_status "unpaid" waits for a delayed method (bank debit): its async events decide.
    private static StripeWebhookEventKind SessionKind(string type, string? paymentStatus) => type switch
    {
        "checkout.session.completed" when paymentStatus is Paid or NoPaymentRequired => StripeWebhookEventKind.PaymentSucceeded,
        "checkout.session.async_payment_succeeded" => StripeWebhookEventKind.PaymentSucceeded,
        "checkout.session.async_payment_failed" => StripeWebhookEventKind.PaymentFailed,
        "checkout.session.expired" => StripeWebhookEventKind.CheckoutExpired,
        _ => StripeWebhookEventKind.Ignored,
    };

    private static Guid? OrderOf(Dictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue(StripeMetadata.OrderId, out var value) && Guid.TryParse(value, out var orderId)
            ? orderId
            : null;
}
