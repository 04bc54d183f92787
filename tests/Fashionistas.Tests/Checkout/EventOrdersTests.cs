using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Checkout;

/// <summary>The organizer's order list of an event: every order with its buyer, status, refunds and check-ins.</summary>
public sealed class EventOrdersTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly CheckoutDriver shop = new(api);

    [Fact]
    public async Task AnOrganizerSeesEveryOrderOfTheEventWithRefundsCheckInsAndFilters()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 20);
        var elsewhere = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 5);
        var ana = await api.CreateUserAsync(name: "Ana Restrepo");
        var luis = await api.CreateUserAsync(name: "Luis Pérez");
        var (anaOrder, anaCodes) = await shop.BuyAsync(ana, show.TicketTypeIds[0], 3);
        var (luisOrder, _) = await shop.BuyAsync(luis, show.TicketTypeIds[0], 2);
        await shop.BuyAsync(luis, elsewhere.TicketTypeIds[0], 1);
        await shop.CheckInAsync(organizer, show.Id, anaCodes[0]);
        using var client = api.Client(organizer.Token);
        using var refund = await client.PostAsJsonAsync($"/api/orders/{luisOrder}/refund", new { reason = "Pidió devolución" });
        refund.EnsureSuccessStatusCode();

        var all = await client.GetFromJsonAsync<JsonElement>($"/api/events/{show.Id}/orders");
        var refunded = await client.GetFromJsonAsync<JsonElement>($"/api/events/{show.Id}/orders?status=refunded");
        var byName = await client.GetFromJsonAsync<JsonElement>($"/api/events/{show.Id}/orders?search=restrepo");
        var paged = await client.GetFromJsonAsync<JsonElement>($"/api/events/{show.Id}/orders?pageSize=1&page=2");

        Assert.Equal(2, all.GetProperty("total").GetInt64());
        var items = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([luisOrder, anaOrder], items.Select(o => o.GetProperty("orderId").GetGuid()));
        var luisRow = items[0];
        Assert.Equal("refunded", luisRow.GetProperty("status").GetString());
        Assert.Equal(200_000, luisRow.GetProperty("refundedAmount").GetInt64());
        Assert.Equal(0, luisRow.GetProperty("validTickets").GetInt32());
        Assert.Equal("Luis Pérez", luisRow.GetProperty("buyerName").GetString());
        var anaRow = items[1];
        Assert.Equal("paid", anaRow.GetProperty("status").GetString());
        Assert.Equal(300_000, anaRow.GetProperty("total").GetInt64());
        Assert.Equal(3, anaRow.GetProperty("validTickets").GetInt32());
        Assert.Equal(1, anaRow.GetProperty("checkedIn").GetInt32());
        Assert.Equal(ana.Email, anaRow.GetProperty("buyerEmail").GetString());
        Assert.Equal([luisOrder], refunded.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("orderId").GetGuid()));
        Assert.Equal([anaOrder], byName.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("orderId").GetGuid()));
        Assert.Equal([anaOrder], paged.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("orderId").GetGuid()));
    }
}
