using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Checkout;

/// <summary>Changes after purchase on the test provider: refunds return seats, transfers replace codes.</summary>
public sealed class RefundAndTransferTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly CheckoutDriver shop = new(api);

    [Fact]
    public async Task AFullRefundVoidsTheTicketsAndReturnsTheSeats()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var buyer = await api.CreateUserAsync();
        var (orderId, codes) = await shop.BuyAsync(buyer, show.TicketTypeIds[0], 3);
        Assert.Equal(7, await shop.AvailableAsync(show.Id));

        using var client = api.Client(organizer.Token);
        using var refund = await client.PostAsJsonAsync($"/api/orders/{orderId}/refund", new { reason = "Evento reprogramado" });

        Assert.Equal(HttpStatusCode.OK, refund.StatusCode);
        var order = await refund.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("refunded", order.GetProperty("status").GetString());
        Assert.Equal(300_000, order.GetProperty("refundedAmount").GetInt64());
        Assert.All(order.GetProperty("tickets").EnumerateArray(), t => Assert.Equal("void", t.GetProperty("status").GetString()));
        Assert.Equal(10, await shop.AvailableAsync(show.Id));

        var (status, problem) = await shop.CheckInAsync(organizer, show.Id, codes[0]);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("void", problem.GetProperty("reason").GetString());

        using var again = await client.PostAsJsonAsync($"/api/orders/{orderId}/refund", new { reason = "Reintento" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(300_000, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refundedAmount").GetInt64());
        Assert.Equal(10, await shop.AvailableAsync(show.Id));
        Assert.Equal(1, await shop.CountAsync(
            "SELECT count(*) FROM outbox WHERE kind = 'refund_issued' AND payload ->> 'orderId' = $1", orderId.ToString()));
    }

    [Fact]
    public async Task APartialRefundReturnsOnlyTheNamedTicketsAtTheUnitPrice()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var buyer = await api.CreateUserAsync();
        var (orderId, _) = await shop.BuyAsync(buyer, show.TicketTypeIds[0], 2);
        var before = await shop.OrderAsync(buyer, orderId);
        var first = before.GetProperty("tickets")[0].GetProperty("ticketId").GetGuid();

        using var client = api.Client(organizer.Token);
        using var refund = await client.PostAsJsonAsync($"/api/orders/{orderId}/refund", new { ticketIds = new[] { first }, reason = "Una boleta" });

        var order = await refund.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, refund.StatusCode);
        Assert.Equal("partially_refunded", order.GetProperty("status").GetString());
        Assert.Equal(100_000, order.GetProperty("refundedAmount").GetInt64());
        Assert.Equal(9, await shop.AvailableAsync(show.Id));
    }

    [Fact]
    public async Task OnlyTheEventsOrganizerOrAnAdminMayRefund()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var buyer = await api.CreateUserAsync();
        var (orderId, _) = await shop.BuyAsync(buyer, show.TicketTypeIds[0], 1);

        using var buyerClient = api.Client(buyer.Token);
        using var refund = await buyerClient.PostAsJsonAsync($"/api/orders/{orderId}/refund", new { reason = "Quiero mi dinero" });

        Assert.Equal(HttpStatusCode.Forbidden, refund.StatusCode);
        Assert.Equal(9, await shop.AvailableAsync(show.Id));
    }

    [Fact]
    public async Task ATransferKillsTheOldCodeAndTheNewOneChecksIn()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var buyer = await api.CreateUserAsync();
        var friend = await api.CreateUserAsync(name: "Camila Friend");
        var (_, codes) = await shop.BuyAsync(buyer, show.TicketTypeIds[0], 1);
        var oldCode = codes[0];

        using var buyerClient = api.Client(buyer.Token);
        using var transfer = await buyerClient.PostAsJsonAsync($"/api/tickets/{oldCode}/transfer", new { email = friend.Email });
        Assert.Equal(HttpStatusCode.OK, transfer.StatusCode);

        using var friendClient = api.Client(friend.Token);
        var friendTickets = await friendClient.GetFromJsonAsync<JsonElement>("/api/me/tickets");
        var newCode = Assert.Single(friendTickets.EnumerateArray()).GetProperty("code").GetString()!;
        Assert.NotEqual(oldCode, newCode);
        Assert.Empty((await buyerClient.GetFromJsonAsync<JsonElement>("/api/me/tickets")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await buyerClient.GetAsync($"/api/tickets/{oldCode}/qr.png")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await friendClient.GetAsync($"/api/tickets/{newCode}/qr.png")).StatusCode);

        var (oldScan, oldProblem) = await shop.CheckInAsync(organizer, show.Id, oldCode);
        Assert.Equal(HttpStatusCode.Gone, oldScan);
        Assert.Equal("transferred", oldProblem.GetProperty("reason").GetString());

        var (newScan, admitted) = await shop.CheckInAsync(organizer, show.Id, newCode);
        Assert.Equal(HttpStatusCode.OK, newScan);
        Assert.Equal("Camila Friend", admitted.GetProperty("attendeeName").GetString());

        using var twice = await buyerClient.PostAsJsonAsync($"/api/tickets/{oldCode}/transfer", new { email = friend.Email });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var availability = await shop.AvailabilityAsync(show.Id);
        Assert.Equal(1, availability.GetProperty("sold").GetInt32());
    }

    [Fact]
    public async Task ATicketCanOnlyBeTransferredToARegisteredUser()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var buyer = await api.CreateUserAsync();
        var (_, codes) = await shop.BuyAsync(buyer, show.TicketTypeIds[0], 1);

        using var client = api.Client(buyer.Token);
        using var transfer = await client.PostAsJsonAsync($"/api/tickets/{codes[0]}/transfer", new { email = "nobody@fashionistas.test" });

        Assert.Equal(HttpStatusCode.NotFound, transfer.StatusCode);
        var (scan, _) = await shop.CheckInAsync(organizer, show.Id, codes[0]);
        Assert.Equal(HttpStatusCode.OK, scan);
    }

    [Fact]
    public async Task ARefundAfterATransferVoidsTheRecipientsTicket()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var buyer = await api.CreateUserAsync();
        var friend = await api.CreateUserAsync();
        var (orderId, codes) = await shop.BuyAsync(buyer, show.TicketTypeIds[0], 1);
        using var buyerClient = api.Client(buyer.Token);
        (await buyerClient.PostAsJsonAsync($"/api/tickets/{codes[0]}/transfer", new { email = friend.Email })).EnsureSuccessStatusCode();

        using var client = api.Client(organizer.Token);
        using var refund = await client.PostAsJsonAsync($"/api/orders/{orderId}/refund", new { reason = "Cancelado" });

        Assert.Equal(HttpStatusCode.OK, refund.StatusCode);
        var order = await refund.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("refunded", order.GetProperty("status").GetString());
        Assert.Equal(10, await shop.AvailableAsync(show.Id));
        using var friendClient = api.Client(friend.Token);
        Assert.Empty((await friendClient.GetFromJsonAsync<JsonElement>("/api/me/tickets")).EnumerateArray());
    }
}
