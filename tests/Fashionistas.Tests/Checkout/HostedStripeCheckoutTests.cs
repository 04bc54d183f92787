using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Checkout;

/// <summary>Card buyers on Stripe's hosted payment page (a local fake Stripe with Checkout Sessions) and its webhooks.</summary>
public sealed class HostedStripeCheckoutTests(HostedStripeApiFactory api) : IClassFixture<HostedStripeApiFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly CheckoutDriver shop = new(api);

    [Fact]
    public async Task CheckoutSendsTheBuyerToStripesHostedPageForTheOrderInPesos()
    {
        var before = DateTimeOffset.UtcNow;
        var (show, _, holdId, orderId, checkout) = await StartAsync(quantity: 2);

        Assert.Equal("pending_payment", checkout.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, checkout.GetProperty("clientSecret").ValueKind);
        var sessionId = FakeStripeCheckout.SessionOf(orderId);
        Assert.Equal(new Uri(api.Stripe.BaseAddress, $"/pay/{sessionId}"), new Uri(checkout.GetProperty("paymentUrl").GetString()!));
        var form = Assert.Single(api.Stripe.Requests, r => r.Path == "/v1/checkout/sessions" && r.Form["metadata[order_id]"] == orderId.ToString()).Form;
        Assert.Equal("payment", form["mode"]);
        Assert.Equal("cop", form["line_items[0][price_data][currency]"]);
        Assert.Equal("10000000", form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("2", form["line_items[0][quantity]"]);
        Assert.Equal(holdId.ToString(), form["metadata[hold_id]"]);
        Assert.Equal(orderId.ToString(), form["payment_intent_data[metadata][order_id]"]);
        Assert.Equal(new Uri(api.BaseAddress, $"/event.html?id={show.Id}&order={orderId}").AbsoluteUri, form["success_url"]);
        Assert.Equal(new Uri(api.BaseAddress, $"/event.html?id={show.Id}&order={orderId}&payment=cancelled").AbsoluteUri, form["cancel_url"]);
        // The hold lasts 10 minutes; Stripe's page must live at least 30, so it gets the earliest expiry Stripe allows.
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(form["expires_at"], CultureInfo.InvariantCulture));
        Assert.InRange(expiresAt, before + TimeSpan.FromMinutes(31) - TimeSpan.FromSeconds(1), DateTimeOffset.UtcNow + TimeSpan.FromMinutes(31));
        Assert.Equal(2, (await shop.AvailabilityAsync(show.Id)).GetProperty("held").GetInt32());
        Assert.Equal(sessionId, await PaymentReferenceAsync(orderId));
    }

    [Fact]
    public async Task ARetriedCheckoutSendsTheBuyerBackToTheSamePage()
    {
        var (_, buyer, holdId, orderId, first) = await StartAsync(quantity: 1);

        var (status, retry) = await shop.CheckoutAsync(buyer, holdId);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(first.GetProperty("paymentUrl").GetString(), retry.GetProperty("paymentUrl").GetString());
        var created = api.Stripe.Requests.Where(r => r.Path == "/v1/checkout/sessions" && r.Form["metadata[order_id]"] == orderId.ToString()).ToList();
        Assert.Equal(2, created.Count);
        Assert.All(created, r => Assert.Equal($"order-{orderId}", r.Header("Idempotency-Key")));
    }

    [Fact]
    public async Task ABuyerWhoClosesTheTabStillGetsTheTicketsWhenStripeConfirmsThePayment()
    {
        var (show, buyer, _, orderId, _) = await StartAsync(quantity: 2);
        var session = api.Checkout.Complete(FakeStripeCheckout.SessionOf(orderId));
        using var client = api.Client();

        using var response = await StripeEvents.DeliverAsync(
            client, StripeEvents.CheckoutSessionCompleted($"evt_cs_{orderId:N}", session, FakeStripeCheckout.PaymentIntentOf(orderId)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("applied", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        var order = await shop.OrderAsync(buyer, orderId);
        Assert.Equal("paid", order.GetProperty("status").GetString());
        Assert.Equal(2, order.GetProperty("tickets").GetArrayLength());
        Assert.Equal(FakeStripeCheckout.PaymentIntentOf(orderId), await PaymentReferenceAsync(orderId));
        var availability = await shop.AvailabilityAsync(show.Id);
        Assert.Equal(2, availability.GetProperty("sold").GetInt32());
        Assert.Equal(0, availability.GetProperty("held").GetInt32());
    }

    [Fact]
    public async Task APaymentIntentEventArrivingBeforeTheSessionCompletedIssuesTheTicketsOnce()
    {
        var (_, buyer, _, orderId, _) = await StartAsync(quantity: 1);
        var paymentIntent = FakeStripeCheckout.PaymentIntentOf(orderId);
        var session = api.Checkout.Complete(FakeStripeCheckout.SessionOf(orderId));
        using var client = api.Client();

        (await StripeEvents.DeliverAsync(client, StripeEvents.PaymentSucceeded($"evt_pi_{orderId:N}", paymentIntent, 100_000, orderId))).EnsureSuccessStatusCode();
        (await StripeEvents.DeliverAsync(client, StripeEvents.CheckoutSessionCompleted($"evt_cs_{orderId:N}", session, paymentIntent))).EnsureSuccessStatusCode();

        var order = await shop.OrderAsync(buyer, orderId);
        Assert.Equal("paid", order.GetProperty("status").GetString());
        Assert.Equal(1, order.GetProperty("tickets").GetArrayLength());
        Assert.Equal(paymentIntent, await PaymentReferenceAsync(orderId));
    }

    [Fact]
    public async Task ARefundOfAnOrderPaidOnTheHostedPageGoesToThePaymentTheSessionMade()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var buyer = await api.CreateUserAsync();
        var (_, checkout) = await shop.CheckoutAsync(buyer, await shop.HoldAsync(buyer, show.TicketTypeIds[0], 1));
        var orderId = checkout.GetProperty("orderId").GetGuid();
        var session = api.Checkout.Complete(FakeStripeCheckout.SessionOf(orderId));
        using var anonymous = api.Client();
        (await StripeEvents.DeliverAsync(anonymous, StripeEvents.CheckoutSessionCompleted(
            $"evt_cs_{orderId:N}", session, FakeStripeCheckout.PaymentIntentOf(orderId)))).EnsureSuccessStatusCode();

        using var client = api.Client(organizer.Token);
        using var refund = await client.PostAsJsonAsync($"/api/orders/{orderId}/refund", new { reason = "Cambio de fecha" });

        Assert.Equal(HttpStatusCode.OK, refund.StatusCode);
        var request = Assert.Single(api.Stripe.Requests, r => r.Path == "/v1/refunds" && r.Form["payment_intent"] == FakeStripeCheckout.PaymentIntentOf(orderId));
        Assert.Equal("10000000", request.Form["amount"]);
        Assert.Equal("refunded", (await shop.OrderAsync(buyer, orderId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnExpiredSessionCancelsTheOrderAndPutsTheSeatsBackOnSale()
    {
        var (show, buyer, _, orderId, _) = await StartAsync(quantity: 2);
        var session = api.Checkout.Find(FakeStripeCheckout.SessionOf(orderId));
        using var client = api.Client();

        using var response = await StripeEvents.DeliverAsync(client, StripeEvents.CheckoutSessionExpired($"evt_exp_{orderId:N}", session));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cancelled", (await shop.OrderAsync(buyer, orderId)).GetProperty("status").GetString());
        Assert.Equal(0, (await shop.AvailabilityAsync(show.Id)).GetProperty("held").GetInt32());
    }

    [Fact]
    public async Task CancellingTheOrderExpiresItsHostedPageSoItCanTakeNoMoney()
    {
        var (show, buyer, _, orderId, _) = await StartAsync(quantity: 1);
        var sessionId = FakeStripeCheckout.SessionOf(orderId);
        using var client = api.Client(buyer.Token);

        using var response = await client.PostAsync($"/api/orders/{orderId}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expire = Assert.Single(api.Stripe.Requests, r => r.Path == $"/v1/checkout/sessions/{sessionId}/expire");
        Assert.Equal($"order-{orderId}-cancel", expire.Header("Idempotency-Key"));
        Assert.Equal("expired", api.Checkout.Find(sessionId).Status);
        Assert.Equal("cancelled", (await shop.OrderAsync(buyer, orderId)).GetProperty("status").GetString());
        Assert.Equal(0, (await shop.AvailabilityAsync(show.Id)).GetProperty("held").GetInt32());
    }

    [Fact]
    public async Task AnOrderWhosePageWasPaidCannotBeCancelledAnyMore()
    {
        var (_, buyer, _, orderId, _) = await StartAsync(quantity: 1);
        api.Checkout.Complete(FakeStripeCheckout.SessionOf(orderId));
        using var client = api.Client(buyer.Token);

        using var response = await client.PostAsync($"/api/orders/{orderId}/cancel", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("pending_payment", (await shop.OrderAsync(buyer, orderId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task WhenTheHoldEndsFirstThePageIsExpiredAtStripeAndTheOrderCancelled()
    {
        var (_, buyer, holdId, orderId, _) = await StartAsync(quantity: 1);
        var sessionId = FakeStripeCheckout.SessionOf(orderId);
        using (var client = api.Client(buyer.Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/holds/{holdId}")).StatusCode);
        }

        Assert.True(
            await Eventually.TrueAsync(async () => (await shop.OrderAsync(buyer, orderId)).GetProperty("status").GetString() == "cancelled", Patience),
            "The sweep did not cancel the order whose hold ended.");
        Assert.Equal("expired", api.Checkout.Find(sessionId).Status);
        Assert.Contains(api.Stripe.Requests, r => r.Path == $"/v1/checkout/sessions/{sessionId}/expire");
    }

    private async Task<string?> PaymentReferenceAsync(Guid orderId)
    {
        await using var command = api.Database.DataSource.CreateCommand("SELECT payment_reference FROM orders WHERE id = $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter<Guid> { TypedValue = orderId });
        return (string?)await command.ExecuteScalarAsync();
    }

    private async Task<(TestEvent Show, TestUser Buyer, Guid HoldId, Guid OrderId, JsonElement Checkout)> StartAsync(int quantity)
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var buyer = await api.CreateUserAsync();
        var holdId = await shop.HoldAsync(buyer, show.TicketTypeIds[0], quantity);
        var (status, checkout) = await shop.CheckoutAsync(buyer, holdId);
        Assert.Equal(HttpStatusCode.OK, status);
        return (show, buyer, holdId, checkout.GetProperty("orderId").GetGuid(), checkout);
    }
}
