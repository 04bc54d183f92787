using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Checkout;
using Fashionistas.Tests.Infrastructure;
using Fashionistas.Tests.Integrations;
using Fashionistas.Tests.Payments;

namespace Fashionistas.Tests.Orders;

/// <summary>Cancelling orders that pay through Stripe (a local server in Stripe's shapes), and payments that come in after.</summary>
public sealed class StripeOrderCancellationTests(StripeApiFactory api) : IClassFixture<StripeApiFactory>
{
    private readonly CheckoutDriver shop = new(api);

    [Fact]
    public async Task CancellingAPendingOrderCancelsItsPaymentIntentAndReleasesTheSeats()
    {
        var (show, buyer, orderId) = await PendingOrderAsync(quantity: 2);
        var paymentIntent = StripeApiFactory.PaymentIntentOf(orderId);

        var (status, order) = await CancelAsync(buyer, orderId);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("cancelled", order.GetProperty("status").GetString());
        var request = Assert.Single(api.Stripe.Requests, r => r.Path == $"/v1/payment_intents/{paymentIntent}/cancel");
        Assert.Equal($"order-{orderId}-cancel", request.Header("Idempotency-Key"));
        Assert.Equal("requested_by_customer", request.Form["cancellation_reason"]);
        var availability = await shop.AvailabilityAsync(show.Id);
        Assert.Equal(0, availability.GetProperty("held").GetInt32());
        Assert.Equal(10, availability.GetProperty("available").GetInt32());
    }

    [Fact]
    public async Task AnOrderWhosePaymentAlreadySucceededAtStripeIsNotCancelled()
    {
        var (show, buyer, orderId) = await PendingOrderAsync(quantity: 1);
        var paymentIntent = StripeApiFactory.PaymentIntentOf(orderId);
        api.CancelAnswers[paymentIntent] = ScriptedResponse.Json(400, StripeResponses.UnexpectedState(paymentIntent, "succeeded"));

        var (status, problem) = await CancelAsync(buyer, orderId);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("succeeded", problem.GetProperty("paymentStatus").GetString());
        Assert.Equal("pending_payment", (await shop.OrderAsync(buyer, orderId)).GetProperty("status").GetString());
        Assert.Equal(1, (await shop.AvailabilityAsync(show.Id)).GetProperty("held").GetInt32());
    }

    [Fact]
    public async Task WhenStripeIsDownTheOrderIsNotCancelledAndTheBuyerIsToldToRetry()
    {
        var (show, buyer, orderId) = await PendingOrderAsync(quantity: 1);
        var paymentIntent = StripeApiFactory.PaymentIntentOf(orderId);
        api.CancelAnswers[paymentIntent] = ScriptedResponse.Json(500, StripeResponses.Error("api_error", null, "Something went wrong."));

        var (status, _) = await CancelAsync(buyer, orderId);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("pending_payment", (await shop.OrderAsync(buyer, orderId)).GetProperty("status").GetString());
        Assert.Equal(1, (await shop.AvailabilityAsync(show.Id)).GetProperty("held").GetInt32());

        api.CancelAnswers.TryRemove(paymentIntent, out _);
        Assert.Equal(HttpStatusCode.OK, (await CancelAsync(buyer, orderId)).Status);
        Assert.Equal(0, (await shop.AvailabilityAsync(show.Id)).GetProperty("held").GetInt32());
    }

    [Fact]
    public async Task APaymentThatSucceedsAfterTheCancelIssuesTheTicketsWhileSeatsRemain()
    {
        var (show, buyer, orderId) = await PendingOrderAsync(quantity: 2);
        Assert.Equal(HttpStatusCode.OK, (await CancelAsync(buyer, orderId)).Status);

        using var client = api.Client();
        using var webhook = await StripeEvents.DeliverAsync(client, StripeEvents.PaymentSucceeded(
            $"evt_after_cancel_{orderId:N}", StripeApiFactory.PaymentIntentOf(orderId), 200_000, orderId));

        Assert.Equal(HttpStatusCode.OK, webhook.StatusCode);
        var order = await shop.OrderAsync(buyer, orderId);
        Assert.Equal("paid", order.GetProperty("status").GetString());
        Assert.Equal(2, order.GetProperty("tickets").GetArrayLength());
        var availability = await shop.AvailabilityAsync(show.Id);
        Assert.Equal(2, availability.GetProperty("sold").GetInt32());
        Assert.Equal(0, availability.GetProperty("held").GetInt32());
        Assert.Equal(1, await shop.CountAsync("SELECT count(*) FROM audit_logs WHERE action = 'order.paid_after_cancel' AND entity_id = $1", orderId));
        Assert.DoesNotContain(api.Stripe.Requests, r => r.Path == "/v1/refunds" && r.Form["payment_intent"] == StripeApiFactory.PaymentIntentOf(orderId));
    }

    [Fact]
    public async Task APaymentThatSucceedsAfterTheCancelIsRefundedWhenTheSeatsWereSold()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 1);
        var buyer = await api.CreateUserAsync();
        var orderId = await CheckoutAsync(buyer, show, quantity: 1);
        Assert.Equal(HttpStatusCode.OK, (await CancelAsync(buyer, orderId)).Status);

        // The released seat is taken and paid for by someone else before the cancelled order's payment arrives.
        var quick = await api.CreateUserAsync();
        var quickOrder = await CheckoutAsync(quick, show, quantity: 1);
        using var client = api.Client();
        (await StripeEvents.DeliverAsync(client, StripeEvents.PaymentSucceeded(
            $"evt_quick_{quickOrder:N}", StripeApiFactory.PaymentIntentOf(quickOrder), 100_000, quickOrder))).EnsureSuccessStatusCode();

        using var late = await StripeEvents.DeliverAsync(client, StripeEvents.PaymentSucceeded(
            $"evt_late_{orderId:N}", StripeApiFactory.PaymentIntentOf(orderId), 100_000, orderId));

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var refund = Assert.Single(api.Stripe.Requests, r => r.Path == "/v1/refunds" && r.Form["payment_intent"] == StripeApiFactory.PaymentIntentOf(orderId));
        Assert.Equal("10000000", refund.Form["amount"]);
        var order = await shop.OrderAsync(buyer, orderId);
        Assert.Equal("refunded", order.GetProperty("status").GetString());
        Assert.Equal(0, order.GetProperty("tickets").GetArrayLength());
        Assert.Equal("paid", (await shop.OrderAsync(quick, quickOrder)).GetProperty("status").GetString());
        Assert.Equal(1, (await shop.AvailabilityAsync(show.Id)).GetProperty("sold").GetInt32());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> CancelAsync(TestUser user, Guid orderId)
    {
        using var client = api.Client(user.Token);
        using var response = await client.PostAsync($"/api/orders/{orderId}/cancel", null);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private async Task<(TestEvent Show, TestUser Buyer, Guid OrderId)> PendingOrderAsync(int quantity)
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var buyer = await api.CreateUserAsync();
        return (show, buyer, await CheckoutAsync(buyer, show, quantity));
    }

    private async Task<Guid> CheckoutAsync(TestUser buyer, TestEvent show, int quantity)
    {
        var (status, checkout) = await shop.CheckoutAsync(buyer, await shop.HoldAsync(buyer, show.TicketTypeIds[0], quantity));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("pending_payment", checkout.GetProperty("status").GetString());
        return checkout.GetProperty("orderId").GetGuid();
    }
}
