using System.Net;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Checkout;

/// <summary>The rule for a Stripe payment that succeeds after its hold expired, with holds that really expire.</summary>
public sealed class HoldExpiryPaymentTests(ShortHoldStripeApiFactory api) : IClassFixture<ShortHoldStripeApiFactory>
{
    private readonly CheckoutDriver shop = new(api);

    [Fact]
    public async Task APaymentAfterExpiryIsRefundedWhenTheSeatsWereSoldMeanwhile()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 1);
        var slow = await api.CreateUserAsync();
        var (_, slowCheckout) = await shop.CheckoutAsync(slow, await shop.HoldAsync(slow, show.TicketTypeIds[0], 1));
        var slowOrder = slowCheckout.GetProperty("orderId").GetGuid();

        // Reading availability expires due holds, so this polls the expiry itself rather than sleeping.
        Assert.True(await Eventually.TrueAsync(async () => await shop.AvailableAsync(show.Id) == 1, 10 * ShortHoldStripeApiFactory.HoldDuration));

        var quick = await api.CreateUserAsync();
        var (_, quickCheckout) = await shop.CheckoutAsync(quick, await shop.HoldAsync(quick, show.TicketTypeIds[0], 1));
        var quickOrder = quickCheckout.GetProperty("orderId").GetGuid();
        using var client = api.Client();
        (await StripeEvents.DeliverAsync(client, StripeEvents.PaymentSucceeded(
            $"evt_quick_{quickOrder:N}", StripeApiFactory.PaymentIntentOf(quickOrder), 100_000, quickOrder))).EnsureSuccessStatusCode();
        Assert.Equal("paid", (await shop.OrderAsync(quick, quickOrder)).GetProperty("status").GetString());

        using var late = await StripeEvents.DeliverAsync(client, StripeEvents.PaymentSucceeded(
            $"evt_slow_{slowOrder:N}", StripeApiFactory.PaymentIntentOf(slowOrder), 100_000, slowOrder));

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Single(api.Stripe.Requests, r => r.Path == "/v1/refunds" && r.Form["payment_intent"] == StripeApiFactory.PaymentIntentOf(slowOrder));
        Assert.Equal("refunded", (await shop.OrderAsync(slow, slowOrder)).GetProperty("status").GetString());
        Assert.Equal(1, (await shop.AvailabilityAsync(show.Id)).GetProperty("sold").GetInt32());
    }

    [Fact]
    public async Task APaymentAfterExpiryStillIssuesTicketsWhileSeatsRemain()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 5);
        var slow = await api.CreateUserAsync();
        var (_, checkout) = await shop.CheckoutAsync(slow, await shop.HoldAsync(slow, show.TicketTypeIds[0], 2));
        var orderId = checkout.GetProperty("orderId").GetGuid();
        Assert.True(await Eventually.TrueAsync(async () => await shop.AvailableAsync(show.Id) == 5, 10 * ShortHoldStripeApiFactory.HoldDuration));

        using var client = api.Client();
        (await StripeEvents.DeliverAsync(client, StripeEvents.PaymentSucceeded(
            $"evt_slow_{orderId:N}", StripeApiFactory.PaymentIntentOf(orderId), 200_000, orderId))).EnsureSuccessStatusCode();

        var order = await shop.OrderAsync(slow, orderId);
        Assert.Equal("paid", order.GetProperty("status").GetString());
        Assert.Equal(2, order.GetProperty("tickets").GetArrayLength());
        Assert.Equal(3, await shop.AvailableAsync(show.Id));
    }
}
