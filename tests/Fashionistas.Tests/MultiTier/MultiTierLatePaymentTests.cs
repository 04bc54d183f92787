using System.Net;
using Fashionistas.Tests.Checkout;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.MultiTier;

/// <summary>A multi-tier order paid through Stripe: one webhook issues every tier's tickets, or refunds the whole order.</summary>
public sealed class MultiTierLatePaymentTests(ShortHoldStripeApiFactory api) : IClassFixture<ShortHoldStripeApiFactory>
{
    private readonly CheckoutDriver single = new(api);
    private readonly MultiTierDriver shop = new(api);

    [Fact]
    public async Task ALatePaymentWhoseOneTierSoldOutMeanwhileRefundsTheWholeOrderOnce()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: [5, 1]);
        var (general, vip) = (show.TicketTypeIds[0], show.TicketTypeIds[1]);
        var slow = await api.CreateUserAsync();
        var groupId = await shop.HeldGroupAsync(slow, show.Id, (general, 2), (vip, 1));
        var (status, pending) = await shop.CheckoutAsync(slow, groupId);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("pending_payment", pending.GetProperty("status").GetString());

        // Both tiers' holds end at the group's deadline; then someone else buys the one VIP seat.
        Assert.True(await Eventually.TrueAsync(
            async () => await shop.ScalarAsync("SELECT sum(held) FROM ticket_types WHERE event_id = $1", show.Id) == 0 && await single.AvailableAsync(show.Id) == 5,
            10 * ShortHoldStripeApiFactory.HoldDuration));
        var quick = await api.CreateUserAsync();
        var (_, quickCheckout) = await single.CheckoutAsync(quick, await single.HoldAsync(quick, vip, 1));
        var quickOrder = quickCheckout.GetProperty("orderId").GetGuid();
        using var client = api.Client();
        (await StripeEvents.DeliverAsync(client, StripeEvents.PaymentSucceeded(
            $"evt_quick_{quickOrder:N}", StripeApiFactory.PaymentIntentOf(quickOrder), 100_000, quickOrder))).EnsureSuccessStatusCode();

        using var late = await StripeEvents.DeliverAsync(client, StripeEvents.PaymentSucceeded(
            $"evt_slow_{groupId:N}", StripeApiFactory.PaymentIntentOf(groupId), 300_000, groupId));
        using var again = await StripeEvents.DeliverAsync(client, StripeEvents.PaymentSucceeded(
            $"evt_slow_again_{groupId:N}", StripeApiFactory.PaymentIntentOf(groupId), 300_000, groupId));

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var refund = Assert.Single(api.Stripe.Requests, r => r.Path == "/v1/refunds" && r.Form["payment_intent"] == StripeApiFactory.PaymentIntentOf(groupId));
        Assert.Equal("30000000", refund.Form["amount"]); // 300.000 COP in Stripe's minor units
        Assert.Equal(2, await shop.ScalarAsync("SELECT count(*) FROM orders WHERE order_group_id = $1 AND status = 'refunded' AND refunded_amount = total", groupId));
        Assert.Equal(0, await shop.ScalarAsync("SELECT sold FROM ticket_types WHERE id = $1", general));
        Assert.Equal(1, await shop.ScalarAsync("SELECT sold FROM ticket_types WHERE id = $1", vip));
        Assert.Equal(0, await shop.ScalarAsync(
            "SELECT count(*) FROM tickets t JOIN orders o ON o.id = t.order_id WHERE o.order_group_id = $1 AND t.status = 'valid'", groupId));
    }

    [Fact]
    public async Task OneStripePaymentIssuesEveryTiersTickets()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: [5, 5]);
        var buyer = await api.CreateUserAsync();
        var groupId = await shop.HeldGroupAsync(buyer, show.Id, (show.TicketTypeIds[0], 1), (show.TicketTypeIds[1], 2));
        Assert.Equal(HttpStatusCode.OK, (await shop.CheckoutAsync(buyer, groupId)).Status);
        using var client = api.Client();

        (await StripeEvents.DeliverAsync(client, StripeEvents.PaymentSucceeded(
            $"evt_group_{groupId:N}", StripeApiFactory.PaymentIntentOf(groupId), 300_000, groupId))).EnsureSuccessStatusCode();

        var order = await single.OrderAsync(buyer, groupId);
        Assert.Equal("paid", order.GetProperty("status").GetString());
        Assert.Equal(3, order.GetProperty("tickets").GetArrayLength());
        Assert.Equal(1, await shop.ScalarAsync("SELECT count(DISTINCT payment_reference) FROM orders WHERE order_group_id = $1", groupId));
        Assert.DoesNotContain(api.Stripe.Requests, r => r.Path == "/v1/refunds" && r.Form["payment_intent"] == StripeApiFactory.PaymentIntentOf(groupId));
    }
}
