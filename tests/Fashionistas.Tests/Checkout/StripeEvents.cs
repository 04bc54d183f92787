using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Fashionistas.Tests.Checkout;

/// <summary>Webhook events in the shapes of Stripe's API reference, signed the way Stripe signs them.</summary>
public static class StripeEvents
{
    public static string PaymentSucceeded(string eventId, string paymentIntentId, long pesos, Guid orderId) => Event(eventId, "payment_intent.succeeded", $$"""
        {
          "id": "{{paymentIntentId}}", "object": "payment_intent", "amount": {{pesos * 100}}, "amount_received": {{pesos * 100}},
          "currency": "cop", "latest_charge": "ch_{{paymentIntentId[3..]}}", "status": "succeeded", "last_payment_error": null,
          "metadata": { "order_id": "{{orderId}}" }
        }
        """);

    public static string PaymentFailed(string eventId, string paymentIntentId, long pesos, Guid orderId) => Event(eventId, "payment_intent.payment_failed", $$"""
        {
          "id": "{{paymentIntentId}}", "object": "payment_intent", "amount": {{pesos * 100}}, "amount_received": 0,
          "currency": "cop", "status": "requires_payment_method",
          "last_payment_error": { "code": "card_declined", "decline_code": "insufficient_funds", "message": "Your card has insufficient funds." },
          "metadata": { "order_id": "{{orderId}}" }
        }
        """);

    public static string ChargeRefunded(string eventId, string paymentIntentId, long pesos, long refundedPesos) => Event(eventId, "charge.refunded", $$"""
        {
          "id": "ch_{{paymentIntentId[3..]}}", "object": "charge", "amount": {{pesos * 100}}, "amount_refunded": {{refundedPesos * 100}},
          "currency": "cop", "payment_intent": "{{paymentIntentId}}", "refunded": {{(refundedPesos >= pesos ? "true" : "false")}},
          "metadata": {}
        }
        """);

    public static string DisputeCreated(string eventId, string paymentIntentId, long pesos) => Event(eventId, "charge.dispute.created", $$"""
        {
          "id": "dp_{{paymentIntentId[3..]}}", "object": "dispute", "amount": {{pesos * 100}}, "charge": "ch_{{paymentIntentId[3..]}}",
          "currency": "cop", "payment_intent": "{{paymentIntentId}}", "reason": "fraudulent", "status": "needs_response",
          "metadata": {}
        }
        """);

    /// <summary><c>checkout.session.completed</c>: the buyer paid on the hosted page, which made <paramref name="paymentIntentId"/>.</summary>
    public static string CheckoutSessionCompleted(string eventId, FakeStripeCheckout.Session session, string paymentIntentId) =>
        Event(eventId, "checkout.session.completed", CheckoutSession(session, "complete", "paid", $"\"{paymentIntentId}\""));

    /// <summary><c>checkout.session.expired</c>: the hosted page closed unpaid.</summary>
    public static string CheckoutSessionExpired(string eventId, FakeStripeCheckout.Session session) =>
        Event(eventId, "checkout.session.expired", CheckoutSession(session, "expired", "unpaid", "null"));

    /// <summary>POSTs the payload to the webhook with a Stripe-Signature made with <paramref name="secret"/>, signed now.</summary>
    public static Task<HttpResponseMessage> DeliverAsync(HttpClient client, string payload, string secret = StripeApiFactory.WebhookSecret) =>
        DeliverSignedAsync(client, payload, SignatureHeader(payload, secret));

    /// <summary>The same signed payload POSTed <paramref name="times"/> times in parallel, as a retrying Stripe might; the answers' statuses.</summary>
    public static async Task<HttpStatusCode[]> DeliverAtOnceAsync(HttpClient client, string payload, int times)
    {
        using var start = new SemaphoreSlim(0);
        var deliveries = Enumerable.Range(0, times).Select(async _ =>
        {
            await start.WaitAsync();
            using var response = await DeliverAsync(client, payload);
            return response.StatusCode;
        }).ToList();
        start.Release(times);
        return await Task.WhenAll(deliveries);
    }

    /// <summary>POSTs <paramref name="body"/> with the given Stripe-Signature header, as Stripe would (raw JSON).</summary>
    public static async Task<HttpResponseMessage> DeliverSignedAsync(HttpClient client, string body, string signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/stripe")
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signatureHeader);
        return await client.SendAsync(request);
    }

    /// <summary>The header Stripe sends: <c>t=&lt;now&gt;,v1=&lt;hex HMAC-SHA256 of "t.payload"&gt;</c>.</summary>
    public static string SignatureHeader(string payload, string secret = StripeApiFactory.WebhookSecret)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return $"t={timestamp},v1={Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{timestamp}.{payload}")))}";
    }

    private static string CheckoutSession(FakeStripeCheckout.Session session, string status, string paymentStatus, string paymentIntent) => $$"""
        {
          "id": "{{session.Id}}", "object": "checkout.session", "amount_total": {{session.AmountTotal}}, "currency": "cop",
          "client_reference_id": "{{session.OrderId}}", "mode": "payment", "payment_intent": {{paymentIntent}},
          "payment_status": "{{paymentStatus}}", "status": "{{status}}", "expires_at": {{session.ExpiresAt}}, "url": null,
          "metadata": { "order_id": "{{session.OrderId}}", "hold_id": "{{session.HoldId}}" }
        }
        """;

    private static string Event(string eventId, string type, string dataObject) => $$"""
        {
          "id": "{{eventId}}",
          "object": "event",
          "api_version": "2024-06-20",
          "created": {{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}},
          "data": { "object": {{dataObject}} },
          "livemode": false,
          "pending_webhooks": 1,
          "request": { "id": null, "idempotency_key": null },
          "type": "{{type}}"
        }
        """;
}
