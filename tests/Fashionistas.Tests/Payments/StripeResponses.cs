namespace Fashionistas.Tests.Payments;

/// <summary>Response bodies in the shapes Stripe documents (trimmed to the fields that matter).</summary>
public static class StripeResponses
{
    public static string PaymentIntent(string id, string status, long amount, Guid orderId) => $$"""
        {
          "id": "{{id}}",
          "object": "payment_intent",
          "amount": {{amount}},
          "amount_received": {{(status == "succeeded" ? amount : 0)}},
          "automatic_payment_methods": { "enabled": true },
          "cancellation_reason": null,
          "client_secret": "{{id}}_secret_abc123",
          "currency": "cop",
          "description": "Fashionistas",
          "last_payment_error": null,
          "livemode": false,
          "metadata": { "order_id": "{{orderId}}" },
          "status": "{{status}}"
        }
        """;

    public static string CardDeclined(string paymentIntentId, string declineCode) => $$"""
        {
          "error": {
            "charge": "ch_3Mt1",
            "code": "card_declined",
            "decline_code": "{{declineCode}}",
            "doc_url": "https://stripe.com/docs/error-codes/card-declined",
            "message": "Your card was declined.",
            "payment_intent": { "id": "{{paymentIntentId}}", "object": "payment_intent", "status": "requires_payment_method" },
            "type": "card_error"
          }
        }
        """;

    /// <summary>Stripe's refusal to cancel an intent in <paramref name="status"/> (e.g. succeeded, processing, canceled).</summary>
    public static string UnexpectedState(string paymentIntentId, string status) => $$"""
        {
          "error": {
            "code": "payment_intent_unexpected_state",
            "doc_url": "https://stripe.com/docs/error-codes/payment-intent-unexpected-state",
            "message": "You cannot cancel this PaymentIntent because it has a status of {{status}}.",
            "payment_intent": { "id": "{{paymentIntentId}}", "object": "payment_intent", "status": "{{status}}" },
            "type": "invalid_request_error"
          }
        }
        """;

    public static string Error(string type, string? code, string message) => $$"""
        { "error": { "type": "{{type}}", "code": {{(code is null ? "null" : $"\"{code}\"")}}, "message": "{{message}}" } }
        """;

    public static string Refund(string id, string paymentIntentId, long amount, string status) => $$"""
        {
          "id": "{{id}}",
          "object": "refund",
          "amount": {{amount}},
          "charge": "ch_3Mt1",
          "currency": "cop",
          "payment_intent": "{{paymentIntentId}}",
          "reason": null,
          "status": "{{status}}"
        }
        """;

    /// <summary>A Checkout Session (payment mode) as Stripe answers it; <paramref name="paymentIntentId"/> is null until it completes.</summary>
    public static string CheckoutSession(
        string id, string status, string paymentStatus, long amountTotal, Guid orderId, Guid holdId, Uri? url, long expiresAt, string? paymentIntentId = null) => $$"""
        {
          "id": "{{id}}",
          "object": "checkout.session",
          "amount_total": {{amountTotal}},
          "client_reference_id": "{{orderId}}",
          "currency": "cop",
          "expires_at": {{expiresAt}},
          "livemode": false,
          "metadata": { "order_id": "{{orderId}}", "hold_id": "{{holdId}}" },
          "mode": "payment",
          "payment_intent": {{(paymentIntentId is null ? "null" : $"\"{paymentIntentId}\"")}},
          "payment_status": "{{paymentStatus}}",
          "status": "{{status}}",
          "url": {{(url is null ? "null" : $"\"{url}\"")}}
        }
        """;
}
