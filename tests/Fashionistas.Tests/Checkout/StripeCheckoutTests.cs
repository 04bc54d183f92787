using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Checkout;

/// <summary>Checkout through Stripe (a local server in Stripe's shapes) and its signed webhooks.</summary>
public sealed class StripeCheckoutTests(StripeApiFactory api) : IClassFixture<StripeApiFactory>
{
    private readonly CheckoutDriver shop = new(api);

    [Fact]
    public async Task CheckoutCreatesAPaymentIntentInPesosAndLeavesTheOrderPending()
    {
        var (show, buyer, orderId, checkout) = await StartPurchaseAsync(quantity: 2);

        Assert.Equal("pending_payment", checkout.GetProperty("status").GetString());
        Assert.Equal($"{StripeApiFactory.PaymentIntentOf(orderId)}_secret_abc123", checkout.GetProperty("clientSecret").GetString());
        Assert.Equal(JsonValueKind.Null, checkout.GetProperty("tickets").ValueKind);
        var request = Assert.Single(api.Stripe.Requests, r => r.Path == "/v1/payment_intents" && r.Form["metadata[order_id]"] == orderId.ToString());
        Assert.Equal("20000000", request.Form["amount"]);
        Assert.Equal("cop", request.Form["currency"]);
        Assert.Equal($"order-{orderId}", request.Header("Idempotency-Key"));
        Assert.Equal(buyer.Email, request.Form["receipt_email"]);
        Assert.Equal(2, (await shop.AvailabilityAsync(show.Id)).GetProperty("held").GetInt32());
        Assert.Equal("stripe", (await shop.OrderAsync(buyer, orderId)).GetProperty("paymentProvider").GetString());
    }

    [Fact]
    public async Task ARetriedCheckoutWithTheSameKeyGetsTheStoredAnswerWithoutAskingStripeAgain()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var buyer = await api.CreateUserAsync();
        var holdId = await shop.HoldAsync(buyer, show.TicketTypeIds[0], 2);

        var (firstStatus, first) = await shop.CheckoutAsync(buyer, holdId, "stripe-once");
        var (retryStatus, retry) = await shop.CheckoutAsync(buyer, holdId, "stripe-once");

        Assert.Equal(HttpStatusCode.OK, firstStatus);
        Assert.Equal(HttpStatusCode.OK, retryStatus);
        Assert.Equal(first.ToString(), retry.ToString());
        var orderId = first.GetProperty("orderId").GetGuid();
        Assert.Single(api.Stripe.Requests, r => r.Path == "/v1/payment_intents" && r.Form["metadata[order_id]"] == orderId.ToString());
    }

    [Fact]
    public async Task ASignedPaymentSucceededWebhookIssuesTheTicketsAndItsReplayChangesNothing()
    {
        var (show, buyer, orderId, _) = await StartPurchaseAsync(quantity: 2);
        var payload = StripeEvents.PaymentSucceeded($"evt_ok_{orderId:N}", StripeApiFactory.PaymentIntentOf(orderId), 200_000, orderId);
        using var client = api.Client();

        using var first = await StripeEvents.DeliverAsync(client, payload);
        using var replay = await StripeEvents.DeliverAsync(client, payload);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("applied", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("duplicate", (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        var order = await shop.OrderAsync(buyer, orderId);
        Assert.Equal("paid", order.GetProperty("status").GetString());
        Assert.Equal(2, order.GetProperty("tickets").GetArrayLength());
        Assert.Equal(2, await shop.CountAsync("SELECT count(*) FROM tickets WHERE order_id = $1", orderId));
        Assert.Equal(1, await shop.CountAsync("SELECT count(*) FROM outbox WHERE kind = 'ticket_confirmation' AND payload ->> 'orderId' = $1", orderId.ToString()));
        var availability = await shop.AvailabilityAsync(show.Id);
        Assert.Equal(2, availability.GetProperty("sold").GetInt32());
        Assert.Equal(0, availability.GetProperty("held").GetInt32());
    }

    [Fact]
    public async Task AWebhookWithATamperedBodyOrTheWrongSecretIsRejectedWithProblemJson()
    {
        var (_, buyer, orderId, _) = await StartPurchaseAsync(quantity: 1);
        var payload = StripeEvents.PaymentSucceeded($"evt_forged_{orderId:N}", StripeApiFactory.PaymentIntentOf(orderId), 100_000, orderId);
        using var client = api.Client();

        using var forged = await StripeEvents.DeliverAsync(client, payload, secret: "whsec_attacker");
        // Signed correctly, then the amount changed in transit.
        using var tampered = await StripeEvents.DeliverSignedAsync(
            client, payload.Replace("10000000", "1", StringComparison.Ordinal), StripeEvents.SignatureHeader(payload));

        foreach (var response in new[] { forged, tampered })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal("pending_payment", (await shop.OrderAsync(buyer, orderId)).GetProperty("status").GetString());
        Assert.Equal(0, await shop.CountAsync("SELECT count(*) FROM webhook_events WHERE event_id = $1", $"evt_forged_{orderId:N}"));
    }

    [Fact]
    public async Task APaymentFailedWebhookFailsTheOrderAndKeepsTheHold()
    {
        var (show, buyer, orderId, _) = await StartPurchaseAsync(quantity: 1);
        using var client = api.Client();

        using var response = await StripeEvents.DeliverAsync(
            client, StripeEvents.PaymentFailed($"evt_fail_{orderId:N}", StripeApiFactory.PaymentIntentOf(orderId), 100_000, orderId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("failed", (await shop.OrderAsync(buyer, orderId)).GetProperty("status").GetString());
        Assert.Equal(1, (await shop.AvailabilityAsync(show.Id)).GetProperty("held").GetInt32());
    }

    [Fact]
    public async Task APaymentThatSucceedsAfterItsHoldEndedAndTheSeatsWereSoldIsRefundedAutomatically()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 1);
        var late = await api.CreateUserAsync();
        var lateHold = await shop.HoldAsync(late, show.TicketTypeIds[0], 1);
        var (_, lateCheckout) = await shop.CheckoutAsync(late, lateHold);
        var lateOrder = lateCheckout.GetProperty("orderId").GetGuid();

        // The hold ends while the buyer is still paying, and someone else takes and pays for the seat.
        using (var lateClient = api.Client(late.Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await lateClient.DeleteAsync($"/api/holds/{lateHold}")).StatusCode);
        }

        var quick = await api.CreateUserAsync();
        var (_, quickCheckout) = await shop.CheckoutAsync(quick, await shop.HoldAsync(quick, show.TicketTypeIds[0], 1));
        var quickOrder = quickCheckout.GetProperty("orderId").GetGuid();
        using var client = api.Client();
        (await StripeEvents.DeliverAsync(client, StripeEvents.PaymentSucceeded(
            $"evt_quick_{quickOrder:N}", StripeApiFactory.PaymentIntentOf(quickOrder), 100_000, quickOrder))).EnsureSuccessStatusCode();

        using var latePayment = await StripeEvents.DeliverAsync(client, StripeEvents.PaymentSucceeded(
            $"evt_late_{lateOrder:N}", StripeApiFactory.PaymentIntentOf(lateOrder), 100_000, lateOrder));

        Assert.Equal(HttpStatusCode.OK, latePayment.StatusCode);
        var refund = Assert.Single(api.Stripe.Requests, r => r.Path == "/v1/refunds" && r.Form["payment_intent"] == StripeApiFactory.PaymentIntentOf(lateOrder));
        Assert.Equal("10000000", refund.Form["amount"]);
        Assert.Equal($"order-{lateOrder}-unsold", refund.Header("Idempotency-Key"));
        var order = await shop.OrderAsync(late, lateOrder);
        Assert.Equal("refunded", order.GetProperty("status").GetString());
        Assert.Equal(100_000, order.GetProperty("refundedAmount").GetInt64());
        Assert.Equal(0, order.GetProperty("tickets").GetArrayLength());
        Assert.Equal("paid", (await shop.OrderAsync(quick, quickOrder)).GetProperty("status").GetString());
        var availability = await shop.AvailabilityAsync(show.Id);
        Assert.Equal(1, availability.GetProperty("sold").GetInt32());
    }

    [Fact]
    public async Task ARefundByTheOrganizerGoesThroughStripeAndItsChargeRefundedWebhookChangesNothingMore()
    {
        var (show, organizer, buyer, orderId, _) = await StartPurchaseWithOrganizerAsync(quantity: 2);
        var paymentIntent = StripeApiFactory.PaymentIntentOf(orderId);
        using var anonymous = api.Client();
        (await StripeEvents.DeliverAsync(anonymous, StripeEvents.PaymentSucceeded($"evt_pay_{orderId:N}", paymentIntent, 200_000, orderId))).EnsureSuccessStatusCode();

        using var client = api.Client(organizer.Token);
        using var refund = await client.PostAsJsonAsync($"/api/orders/{orderId}/refund", new { reason = "Cambio de fecha" });

        Assert.Equal(HttpStatusCode.OK, refund.StatusCode);
        var request = Assert.Single(api.Stripe.Requests, r => r.Path == "/v1/refunds" && r.Form["payment_intent"] == paymentIntent);
        Assert.Equal("20000000", request.Form["amount"]);
        Assert.Equal(0, (await shop.AvailabilityAsync(show.Id)).GetProperty("sold").GetInt32());

        (await StripeEvents.DeliverAsync(anonymous, StripeEvents.ChargeRefunded($"evt_ref_{orderId:N}", paymentIntent, 200_000, 200_000))).EnsureSuccessStatusCode();
        var order = await shop.OrderAsync(buyer, orderId);
        Assert.Equal("refunded", order.GetProperty("status").GetString());
        Assert.Equal(200_000, order.GetProperty("refundedAmount").GetInt64());
        Assert.Equal(1, await shop.CountAsync("SELECT count(*) FROM outbox WHERE kind = 'refund_issued' AND payload ->> 'orderId' = $1", orderId.ToString()));
    }

    [Fact]
    public async Task ARefundMadeInTheStripeDashboardReturnsTheSeatsItPaysFor()
    {
        var (show, buyer, orderId, _) = await StartPurchaseAsync(quantity: 2);
        var paymentIntent = StripeApiFactory.PaymentIntentOf(orderId);
        using var client = api.Client();
        (await StripeEvents.DeliverAsync(client, StripeEvents.PaymentSucceeded($"evt_pay_{orderId:N}", paymentIntent, 200_000, orderId))).EnsureSuccessStatusCode();

        using var response = await StripeEvents.DeliverAsync(client, StripeEvents.ChargeRefunded($"evt_half_{orderId:N}", paymentIntent, 200_000, 100_000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = await shop.OrderAsync(buyer, orderId);
        Assert.Equal("partially_refunded", order.GetProperty("status").GetString());
        Assert.Equal(100_000, order.GetProperty("refundedAmount").GetInt64());
        Assert.Single(order.GetProperty("tickets").EnumerateArray(), t => t.GetProperty("status").GetString() == "void");
        Assert.Equal(1, (await shop.AvailabilityAsync(show.Id)).GetProperty("sold").GetInt32());
    }

    [Fact]
    public async Task ADisputeFlagsTheOrderAndIsWrittenToTheAuditLog()
    {
        var (_, buyer, orderId, _) = await StartPurchaseAsync(quantity: 1);
        var paymentIntent = StripeApiFactory.PaymentIntentOf(orderId);
        using var client = api.Client();
        (await StripeEvents.DeliverAsync(client, StripeEvents.PaymentSucceeded($"evt_pay_{orderId:N}", paymentIntent, 100_000, orderId))).EnsureSuccessStatusCode();

        var dispute = StripeEvents.DisputeCreated($"evt_dp_{orderId:N}", paymentIntent, 100_000);
        (await StripeEvents.DeliverAsync(client, dispute)).EnsureSuccessStatusCode();
        (await StripeEvents.DeliverAsync(client, dispute)).EnsureSuccessStatusCode();

        var order = await shop.OrderAsync(buyer, orderId);
        Assert.Equal("paid", order.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, order.GetProperty("disputedAt").ValueKind);
        Assert.Equal(1, await shop.CountAsync(
            "SELECT count(*) FROM audit_logs WHERE action = 'order.dispute_created' AND entity_id = $1 AND changes ->> 'reason' = 'fraudulent'", orderId));
    }

    private async Task<(TestEvent Show, TestUser Buyer, Guid OrderId, JsonElement Checkout)> StartPurchaseAsync(int quantity)
    {
        var (show, _, buyer, orderId, checkout) = await StartPurchaseWithOrganizerAsync(quantity);
        return (show, buyer, orderId, checkout);
    }

    private async Task<(TestEvent Show, TestUser Organizer, TestUser Buyer, Guid OrderId, JsonElement Checkout)> StartPurchaseWithOrganizerAsync(int quantity)
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var buyer = await api.CreateUserAsync();
        var (status, checkout) = await shop.CheckoutAsync(buyer, await shop.HoldAsync(buyer, show.TicketTypeIds[0], quantity));
        Assert.Equal(HttpStatusCode.OK, status);
        return (show, organizer, buyer, checkout.GetProperty("orderId").GetGuid(), checkout);
    }
}
