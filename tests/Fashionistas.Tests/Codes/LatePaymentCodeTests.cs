using System.Net;
using Fashionistas.Tests.Checkout;
using Fashionistas.Tests.Infrastructure;
using static Fashionistas.Tests.Codes.CodeTestSteps;

namespace Fashionistas.Tests.Codes;

/// <summary>
/// A Stripe payment that comes in after its code-priced hold ended (holds that really expire): the code counts the use
/// again, once, or, when it has no use left, the late-payment rule refunds the whole payment.
/// </summary>
public sealed class LatePaymentCodeTests(ShortHoldStripeApiFactory api) : IClassFixture<ShortHoldStripeApiFactory>
{
    private readonly CheckoutDriver shop = new(api);

    [Fact]
    public async Task ALatePaymentOnACodePricedHoldCountsTheCodesUseExactlyOnceHoweverOftenItIsDelivered()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 5);
        var codeId = await CreateCodeAsync(api, organizer, show.Id, new { code = "QUINCE", percentOff = 15, maxUses = 3 });
        var buyer = await api.CreateUserAsync();
        var orderId = await CheckedOutAndExpiredAsync(buyer, show, codeId, "quince", quantity: 2, expectedTotal: 170_000);

        var payment = StripeEvents.PaymentSucceeded($"evt_late_{orderId:N}", StripeApiFactory.PaymentIntentOf(orderId), 170_000, orderId);
        using var client = api.Client();
        var statuses = await StripeEvents.DeliverAtOnceAsync(client, payment, 20);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var order = await shop.OrderAsync(buyer, orderId);
        Assert.Equal("paid", order.GetProperty("status").GetString());
        Assert.Equal(2, order.GetProperty("tickets").GetArrayLength());
        Assert.Equal(new CodeRows(Uses: 1, LiveUses: 1, ActiveHolds: 0, SoldHolds: 1), await RowsAsync(api.Database.DataSource, codeId));
        Assert.Equal(1, await shop.CountAsync("SELECT count(*) FROM promo_code_uses WHERE promo_code_id = $1 AND late_sale_at IS NOT NULL", codeId));
        Assert.Equal(3, await shop.AvailableAsync(show.Id));
        Assert.DoesNotContain(api.Stripe.Requests, r => r.Path == "/v1/refunds" && r.Form["payment_intent"] == StripeApiFactory.PaymentIntentOf(orderId));
    }

    [Fact]
    public async Task ALatePaymentWhoseCodeWasUsedUpMeanwhileIsRefundedInFull()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 5);
        var codeId = await CreateCodeAsync(api, organizer, show.Id, new { code = "ULTIMO", percentOff = 15, maxUses = 1 });
        var slow = await api.CreateUserAsync();
        var slowOrder = await CheckedOutAndExpiredAsync(slow, show, codeId, "ultimo", quantity: 1, expectedTotal: 85_000);

        // Meanwhile someone else takes the code's one use and pays on time.
        await PayAsync(await api.CreateUserAsync(), show.TicketTypeIds[0], "ULTIMO");
        using var client = api.Client();
        using var late = await StripeEvents.DeliverAsync(client, StripeEvents.PaymentSucceeded(
            $"evt_late_{slowOrder:N}", StripeApiFactory.PaymentIntentOf(slowOrder), 85_000, slowOrder));

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var refund = Assert.Single(api.Stripe.Requests, r => r.Path == "/v1/refunds" && r.Form["payment_intent"] == StripeApiFactory.PaymentIntentOf(slowOrder));
        Assert.Equal("8500000", refund.Form["amount"]); // 85.000 COP in Stripe's minor units: the whole payment
        var order = await shop.OrderAsync(slow, slowOrder);
        Assert.Equal("refunded", order.GetProperty("status").GetString());
        Assert.Equal(0, order.GetProperty("tickets").GetArrayLength());
        Assert.Equal(new CodeRows(Uses: 1, LiveUses: 1, ActiveHolds: 0, SoldHolds: 1), await RowsAsync(api.Database.DataSource, codeId));
        Assert.Equal(4, await shop.AvailableAsync(show.Id));
        Assert.Equal(1, await shop.CountAsync("SELECT count(*) FROM outbox WHERE kind = 'refund_issued' AND payload ->> 'orderId' = $1", slowOrder.ToString()));
    }

    [Fact]
    public async Task ALatePaymentIsRefundedWhenTheBuyerHasSinceUsedTheCodeUpToTheirLimit()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 5);
        var codeId = await CreateCodeAsync(api, organizer, show.Id, new { code = "UNA-VEZ", percentOff = 50, maxUsesPerBuyer = 1 });
        var buyer = await api.CreateUserAsync();
        var firstOrder = await CheckedOutAndExpiredAsync(buyer, show, codeId, "una-vez", quantity: 1, expectedTotal: 50_000);
        await PayAsync(buyer, show.TicketTypeIds[0], "una-vez");

        using var client = api.Client();
        (await StripeEvents.DeliverAsync(client, StripeEvents.PaymentSucceeded(
            $"evt_late_{firstOrder:N}", StripeApiFactory.PaymentIntentOf(firstOrder), 50_000, firstOrder))).EnsureSuccessStatusCode();

        Assert.Equal("refunded", (await shop.OrderAsync(buyer, firstOrder)).GetProperty("status").GetString());
        Assert.Single(api.Stripe.Requests, r => r.Path == "/v1/refunds" && r.Form["payment_intent"] == StripeApiFactory.PaymentIntentOf(firstOrder));
        Assert.Equal(new CodeRows(Uses: 1, LiveUses: 1, ActiveHolds: 0, SoldHolds: 1), await RowsAsync(api.Database.DataSource, codeId));
    }

    /// <summary>Holds with the code, checks out on Stripe (payment pending) and waits until the hold ended and gave its use back.</summary>
    private async Task<Guid> CheckedOutAndExpiredAsync(TestUser buyer, TestEvent show, Guid codeId, string code, int quantity, long expectedTotal)
    {
        var (status, hold) = await HoldAsync(api, buyer, show.TicketTypeIds[0], quantity, code);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(expectedTotal, hold.GetProperty("total").GetInt64());
        var (checkoutStatus, checkout) = await shop.CheckoutAsync(buyer, hold.GetProperty("holdId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, checkoutStatus);
        Assert.Equal("pending_payment", checkout.GetProperty("status").GetString());

        // Reading availability expires due holds; the code hears of it after the commit.
        Assert.True(await Eventually.TrueAsync(
            async () => await shop.AvailableAsync(show.Id) == 5 && (await RowsAsync(api.Database.DataSource, codeId)).Uses == 0,
            10 * ShortHoldStripeApiFactory.HoldDuration));
        return checkout.GetProperty("orderId").GetGuid();
    }

    /// <summary>One seat held with the code and paid through Stripe's webhook at once.</summary>
    private async Task PayAsync(TestUser buyer, Guid tier, string code)
    {
        var (status, hold) = await HoldAsync(api, buyer, tier, 1, code);
        Assert.Equal(HttpStatusCode.Created, status);
        var (_, checkout) = await shop.CheckoutAsync(buyer, hold.GetProperty("holdId").GetGuid());
        var orderId = checkout.GetProperty("orderId").GetGuid();
        using var client = api.Client();
        (await StripeEvents.DeliverAsync(client, StripeEvents.PaymentSucceeded(
            $"evt_pay_{orderId:N}", StripeApiFactory.PaymentIntentOf(orderId), hold.GetProperty("total").GetInt64(), orderId))).EnsureSuccessStatusCode();
        Assert.Equal("paid", (await shop.OrderAsync(buyer, orderId)).GetProperty("status").GetString());
    }
}
