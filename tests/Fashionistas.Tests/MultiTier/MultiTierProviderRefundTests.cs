using System.Net;
using Fashionistas.Tests.Checkout;
using Fashionistas.Tests.Codes;
using Fashionistas.Tests.Infrastructure;
using Fashionistas.Tests.Live;

namespace Fashionistas.Tests.MultiTier;

/// <summary>
/// A refund made in Stripe's dashboard of an order of several tiers (<c>charge.refunded</c> names the one payment):
/// every tier's seats come back by the one rule, once however often and however concurrently Stripe delivers it.
/// </summary>
public sealed class MultiTierProviderRefundTests(StripeApiFactory api) : IClassFixture<StripeApiFactory>
{
    private const int Deliveries = 50;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly MultiTierDriver shop = new(api);

    [Fact]
    public async Task AFullStripeSideRefundDeliveredFiftyTimesAtOnceReturnsEveryTiersSeatsExactlyOnce()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: [5, 5]);
        var (general, vip) = (show.TicketTypeIds[0], show.TicketTypeIds[1]);
        var refundedGroup = await PaidGroupAsync(show.Id, 300_000, (general, 2), (vip, 1));

        // Another buyer's seats stay sold: a seat returned twice would show in the counters.
        var keptGroup = await PaidGroupAsync(show.Id, 200_000, (general, 1), (vip, 1));
        await using var hub = await LiveHubConnection.ConnectAsync(new Uri(api.BaseAddress, "/hubs/live"));
        await hub.InvokeAsync("JoinEvent", show.Id);
        Assert.NotNull(await hub.WaitForAsync("availability", a => Is(a, general, available: 2), Wait));

        var refund = StripeEvents.ChargeRefunded(
            $"evt_refund_{refundedGroup:N}", StripeApiFactory.PaymentIntentOf(refundedGroup), 300_000, 300_000);
        using var client = api.Client();
        var statuses = await StripeEvents.DeliverAtOnceAsync(client, refund, Deliveries);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(1, await shop.ScalarAsync("SELECT sold FROM ticket_types WHERE id = $1", general));
        Assert.Equal(1, await shop.ScalarAsync("SELECT sold FROM ticket_types WHERE id = $1", vip));
        Assert.Equal(0, await shop.ScalarAsync("SELECT sum(held) FROM ticket_types WHERE event_id = $1", show.Id));
        Assert.Equal(0, await shop.ScalarAsync(
            "SELECT count(*) FROM ticket_types tt WHERE tt.event_id = $1 AND tt.sold <> (SELECT count(*) FROM tickets t WHERE t.ticket_type_id = tt.id AND t.status = 'valid')",
            show.Id));
        Assert.Equal(3, await TicketsAsync(refundedGroup, "void"));
        Assert.Equal(2, await TicketsAsync(keptGroup, "valid"));
        Assert.Equal(2, await shop.ScalarAsync(
            "SELECT count(*) FROM orders WHERE order_group_id = $1 AND status = 'refunded' AND refunded_amount = total", refundedGroup));
        Assert.Equal(2, await shop.ScalarAsync(
            "SELECT count(*) FROM outbox WHERE kind = 'refund_issued' AND payload ->> 'orderId' IN (SELECT id::text FROM orders WHERE order_group_id = $1)",
            refundedGroup));
        Assert.Equal(1, await shop.ScalarAsync("SELECT count(*) FROM webhook_events WHERE event_id = $1", $"evt_refund_{refundedGroup:N}"));
        Assert.DoesNotContain(api.Stripe.Requests, r => r.Path == "/v1/refunds" && r.Form["payment_intent"] == StripeApiFactory.PaymentIntentOf(refundedGroup));

        // Live availability shows both tiers' seats back (5 - the other buyer's 1).
        Assert.NotNull(await hub.WaitForAsync("availability", a => Is(a, general, available: 4), Wait));
        Assert.NotNull(await hub.WaitForAsync("availability", a => Is(a, vip, available: 4), Wait));
    }

    [Fact]
    public async Task APartialStripeSideRefundReturnsTheSeatsItPaysForMostExpensiveTierFirstAndItsRetriesReturnNoMore()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, eventCapacity: 10, tierCapacities: [5]);
        var general = show.TicketTypeIds[0];
        var vip = await CodeTestSteps.AddTierAsync(api, organizer, show.Id, new
        {
            name = "VIP",
            price = 300_000,
            capacity = 5,
            perBuyerLimit = 10,
            salesStart = DateTimeOffset.UtcNow.AddDays(-1),
            salesEnd = DateTimeOffset.UtcNow.AddDays(9),
        });
        var groupId = await PaidGroupAsync(show.Id, 500_000, (general, 2), (vip, 1));
        var paymentIntent = StripeApiFactory.PaymentIntentOf(groupId);

        // 400.000 COP back: the VIP seat (300.000), then one general seat (100.000). Delivered at once, twice over.
        using var client = api.Client();
        var statuses = await StripeEvents.DeliverAtOnceAsync(client, StripeEvents.ChargeRefunded($"evt_part_{groupId:N}", paymentIntent, 500_000, 400_000), Deliveries / 2);
        statuses = [.. statuses, .. await StripeEvents.DeliverAtOnceAsync(client, StripeEvents.ChargeRefunded($"evt_part2_{groupId:N}", paymentIntent, 500_000, 400_000), Deliveries / 2)];

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(0, await shop.ScalarAsync("SELECT sold FROM ticket_types WHERE id = $1", vip));
        Assert.Equal(1, await shop.ScalarAsync("SELECT sold FROM ticket_types WHERE id = $1", general));
        Assert.Equal(1, await TicketsAsync(groupId, "valid"));
        Assert.Equal(300_000, await RefundedAsync(groupId, vip));
        Assert.Equal(100_000, await RefundedAsync(groupId, general));
        Assert.Equal(1, await shop.ScalarAsync(
            "SELECT count(*) FROM orders WHERE order_group_id = $1 AND ticket_type_id = $2 AND status = 'partially_refunded'", groupId, general));

        // 450.000 in all: the 50.000 more buys no seat, but counts as refunded.
        (await StripeEvents.DeliverAsync(client, StripeEvents.ChargeRefunded($"evt_more_{groupId:N}", paymentIntent, 500_000, 450_000))).EnsureSuccessStatusCode();
        Assert.Equal(1, await TicketsAsync(groupId, "valid"));
        Assert.Equal(150_000, await RefundedAsync(groupId, general));

        // The rest: the last seat comes back and both lines are refunded in full.
        (await StripeEvents.DeliverAsync(client, StripeEvents.ChargeRefunded($"evt_rest_{groupId:N}", paymentIntent, 500_000, 500_000))).EnsureSuccessStatusCode();
        Assert.Equal(0, await TicketsAsync(groupId, "valid"));
        Assert.Equal(0, await shop.ScalarAsync("SELECT sum(sold) FROM ticket_types WHERE event_id = $1", show.Id));
        Assert.Equal(2, await shop.ScalarAsync(
            "SELECT count(*) FROM orders WHERE order_group_id = $1 AND status = 'refunded' AND refunded_amount = total", groupId));
    }

    /// <summary>A group held, checked out on Stripe and paid by its webhook.</summary>
    private async Task<Guid> PaidGroupAsync(Guid eventId, long pesos, params (Guid Tier, int Quantity)[] items)
    {
        var buyer = await api.CreateUserAsync();
        var groupId = await shop.HeldGroupAsync(buyer, eventId, items);
        Assert.Equal(HttpStatusCode.OK, (await shop.CheckoutAsync(buyer, groupId)).Status);
        using var client = api.Client();
        (await StripeEvents.DeliverAsync(client, StripeEvents.PaymentSucceeded(
            $"evt_pay_{groupId:N}", StripeApiFactory.PaymentIntentOf(groupId), pesos, groupId))).EnsureSuccessStatusCode();
        Assert.Equal(items.Sum(i => i.Quantity), await TicketsAsync(groupId, "valid"));
        return groupId;
    }

    private Task<long> TicketsAsync(Guid groupId, string status) => shop.ScalarAsync(
        "SELECT count(*) FROM tickets t JOIN orders o ON o.id = t.order_id WHERE o.order_group_id = $1 AND t.status = $2", groupId, status);

    private Task<long> RefundedAsync(Guid groupId, Guid tier) => shop.ScalarAsync(
        "SELECT refunded_amount FROM orders WHERE order_group_id = $1 AND ticket_type_id = $2", groupId, tier);

    private static bool Is(System.Text.Json.JsonElement availability, Guid ticketTypeId, int available) =>
        availability.GetProperty("ticketTypeId").GetGuid() == ticketTypeId && availability.GetProperty("available").GetInt32() == available;
}
