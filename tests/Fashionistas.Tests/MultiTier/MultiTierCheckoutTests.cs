using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Checkout;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.MultiTier;

/// <summary>One hold across tiers, one checkout, one payment, every tier's tickets; refunds and cancels of the whole order.</summary>
public sealed class MultiTierCheckoutTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly MultiTierDriver shop = new(api);

    [Fact]
    public async Task OneCheckoutPaysAMultiTierOrderOnceAndIssuesEveryTiersTickets()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: [10, 5]);
        var (general, vip) = (show.TicketTypeIds[0], show.TicketTypeIds[1]);
        var buyer = await api.CreateUserAsync();
        var groupId = await shop.HeldGroupAsync(buyer, show.Id, (general, 2), (vip, 1));

        var (status, paid) = await shop.CheckoutAsync(buyer, groupId);
        var (retryStatus, retry) = await shop.CheckoutAsync(buyer, groupId);

        Assert.True(status == HttpStatusCode.OK, paid.ToString());
        Assert.Equal("paid", paid.GetProperty("status").GetString());
        Assert.Equal(groupId, paid.GetProperty("orderId").GetGuid());
        Assert.Equal(300_000, paid.GetProperty("total").GetInt64());
        var codes = paid.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("code").GetString()).ToHashSet();
        Assert.Equal(3, codes.Count);
        Assert.Equal(HttpStatusCode.OK, retryStatus);
        Assert.Equal(codes, retry.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("code").GetString()).ToHashSet());

        // Two lines, paid by one payment; each tier sold its own seats and holds nothing.
        Assert.Equal(2, await shop.ScalarAsync("SELECT count(*) FROM orders WHERE order_group_id = $1 AND status = 'paid'", groupId));
        Assert.Equal(1, await shop.ScalarAsync("SELECT count(DISTINCT payment_reference) FROM orders WHERE order_group_id = $1", groupId));
        Assert.Equal(300_000, await shop.ScalarAsync("SELECT sum(total) FROM orders WHERE order_group_id = $1", groupId));
        Assert.Equal(2, await shop.ScalarAsync("SELECT sold FROM ticket_types WHERE id = $1", general));
        Assert.Equal(1, await shop.ScalarAsync("SELECT sold FROM ticket_types WHERE id = $1", vip));
        Assert.Equal(0, await shop.ScalarAsync("SELECT sum(held) FROM ticket_types WHERE event_id = $1", show.Id));
        Assert.Equal(3, await shop.ScalarAsync(
            "SELECT count(*) FROM tickets t JOIN orders o ON o.id = t.order_id WHERE o.order_group_id = $1 AND t.status = 'valid'", groupId));

        using var buyerClient = api.Client(buyer.Token);
        var order = await buyerClient.GetFromJsonAsync<JsonElement>($"/api/orders/{groupId}");
        Assert.Equal("paid", order.GetProperty("status").GetString());
        Assert.Equal(3, order.GetProperty("quantity").GetInt32());
        Assert.Equal(3, order.GetProperty("tickets").GetArrayLength());
    }

    [Fact]
    public async Task ATierThatRefusesLeavesNoTierHeldAndSaysWhichTier()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: [10, 1]);
        var (general, vip) = (show.TicketTypeIds[0], show.TicketTypeIds[1]);

        var (status, problem) = await shop.HoldAsync(await api.CreateUserAsync(), show.Id, (general, 3), (vip, 2));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(vip, problem.GetProperty("ticketTypeId").GetGuid());
        Assert.Equal(1, problem.GetProperty("available").GetInt32());
        Assert.Equal(0, await shop.ScalarAsync("SELECT sum(held) FROM ticket_types WHERE event_id = $1", show.Id));
        Assert.Equal(0, await shop.ScalarAsync("SELECT count(*) FROM holds WHERE event_id = $1 AND status = 'active'", show.Id));
    }

    [Fact]
    public async Task TheOrganizerRefundsAndTheBuyerCancelsAMultiTierOrderAsAWhole()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: [10, 5]);
        var (general, vip) = (show.TicketTypeIds[0], show.TicketTypeIds[1]);
        var buyer = await api.CreateUserAsync();
        var paidGroup = await shop.HeldGroupAsync(buyer, show.Id, (general, 1), (vip, 2));
        Assert.Equal(HttpStatusCode.OK, (await shop.CheckoutAsync(buyer, paidGroup)).Status);
        var pendingGroup = await shop.HeldGroupAsync(buyer, show.Id, (general, 1), (vip, 1));
        using var buyerClient = api.Client(buyer.Token);
        using var organizerClient = api.Client(organizer.Token);

        using var refund = await organizerClient.PostAsJsonAsync($"/api/orders/{paidGroup}/refund", new { reason = "cambio de agenda" });
        using var oneTier = await buyerClient.DeleteAsync($"/api/holds/{(await shop.ScalarGuidAsync("SELECT id FROM holds WHERE group_id = $1 LIMIT 1", pendingGroup))}");
        using var release = await buyerClient.DeleteAsync($"/api/holds/{pendingGroup}");

        Assert.Equal(HttpStatusCode.OK, refund.StatusCode);
        var refunded = await refund.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("refunded", refunded.GetProperty("status").GetString());
        Assert.Equal(300_000, refunded.GetProperty("refundedAmount").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, oneTier.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, release.StatusCode);
        Assert.Equal(0, await shop.ScalarAsync("SELECT sum(sold + held) FROM ticket_types WHERE event_id = $1", show.Id));
        Assert.Equal(2, await shop.ScalarAsync("SELECT count(*) FROM orders WHERE order_group_id = $1 AND status = 'refunded'", paidGroup));
    }

    [Fact]
    public async Task ABuyerCancelsACheckedOutGroupBeforePayingAndEveryTierIsBackOnSale()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: [10, 5]);
        var decliner = await new CheckoutDriver(api).RegisterAsync($"multi+decline-{Guid.NewGuid():N}@fashionistas.test");
        var groupId = await shop.HeldGroupAsync(decliner, show.Id, (show.TicketTypeIds[0], 2), (show.TicketTypeIds[1], 1));
        Assert.Equal(HttpStatusCode.PaymentRequired, (await shop.CheckoutAsync(decliner, groupId)).Status);
        using var client = api.Client(decliner.Token);

        using var cancel = await client.PostAsync($"/api/orders/{groupId}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", (await cancel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(2, await shop.ScalarAsync("SELECT count(*) FROM orders WHERE order_group_id = $1 AND status = 'cancelled'", groupId));
        Assert.Equal(0, await shop.ScalarAsync("SELECT sum(sold + held) FROM ticket_types WHERE event_id = $1", show.Id));
    }
}
