using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Checkout;

/// <summary>
/// Cancelling an event refunds every paid order in full and cancels those awaiting payment, through the outbox, as the
/// person who cancelled it.
/// </summary>
public sealed class EventCancellationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly CheckoutDriver shop = new(api);

    [Fact]
    public async Task CancellingAnEventRefundsEveryPaidOrderCancelsUnpaidOnesAndVoidsTickets()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: [10, 5]);
        var other = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 5);
        var (first, firstCodes) = await shop.BuyAsync(await api.CreateUserAsync(), show.TicketTypeIds[0], 3);
        var (second, _) = await shop.BuyAsync(await api.CreateUserAsync(), show.TicketTypeIds[1], 2);
        var (untouched, _) = await shop.BuyAsync(await api.CreateUserAsync(), other.TicketTypeIds[0], 1);
        var decliner = await shop.RegisterAsync($"sofia+decline-{Guid.NewGuid():N}@fashionistas.test");
        var (declined, declinedAnswer) = await shop.CheckoutAsync(decliner, await shop.HoldAsync(decliner, show.TicketTypeIds[0], 2));
        Assert.Equal(HttpStatusCode.PaymentRequired, declined);
        var awaiting = declinedAnswer.GetProperty("orderId").GetGuid();
        var firstTicket = (await shop.OrderAsync(organizer, first)).GetProperty("tickets")[0].GetProperty("ticketId").GetGuid();
        using var client = api.Client(organizer.Token);
        using var partial = await client.PostAsJsonAsync($"/api/orders/{first}/refund", new { ticketIds = new[] { firstTicket }, reason = "Una" });
        partial.EnsureSuccessStatusCode();

        using var cancel = await client.PostAsJsonAsync($"/api/events/{show.Id}/status", new { status = "cancelled", reason = "Lluvia torrencial" });

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        await using var connection = await api.Database.DataSource.OpenConnectionAsync();
        Assert.True(await Eventually.TrueAsync(async () =>
            await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM orders WHERE event_id = @id AND status = 'refunded'", new { id = show.Id }) == 2,
            TimeSpan.FromSeconds(20)), "both orders of the cancelled event are refunded");
        var orders = (await connection.QueryAsync<(Guid Id, string Status, long Refunded)>(
            "SELECT id, status, refunded_amount FROM orders WHERE id = ANY(@ids)", new { ids = new[] { first, second, untouched } }))
            .ToDictionary(o => o.Id);
        Assert.True(await Eventually.TrueAsync(async () =>
            await connection.ExecuteScalarAsync<string>("SELECT status FROM orders WHERE id = @awaiting", new { awaiting }) == "cancelled",
            TimeSpan.FromSeconds(20)), "the order awaiting payment is cancelled");
        var tier = (await client.GetFromJsonAsync<JsonElement>($"/api/events/{show.Id}/availability")).GetProperty("ticketTypes")[0];
        Assert.Equal((10, 0, 0), (tier.GetProperty("available").GetInt32(), tier.GetProperty("held").GetInt32(), tier.GetProperty("sold").GetInt32()));
        Assert.Equal(300_000, orders[first].Refunded);
        Assert.Equal(200_000, orders[second].Refunded);
        Assert.Equal(("paid", 0L), (orders[untouched].Status, orders[untouched].Refunded));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM tickets WHERE event_id = @id AND status = 'valid'", new { id = show.Id }));
        Assert.Equal(3, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM outbox WHERE kind = 'refund_issued' AND payload ->> 'orderId' = ANY(@ids)",
            new { ids = new[] { first.ToString(), second.ToString() } }));
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE user_id = @by AND action LIKE '%refund%' AND changes::text LIKE '%Lluvia torrencial%'",
            new { by = organizer.Id }));
        var (status, _) = await shop.CheckInAsync(organizer, show.Id, firstCodes[1]);
        Assert.Equal(HttpStatusCode.Conflict, status);
    }
}
