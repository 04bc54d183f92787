using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Checkout;

/// <summary>Checkout on the built-in test provider, end to end over HTTP on a fresh database.</summary>
public sealed class CheckoutFlowTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly CheckoutDriver shop = new(api);

    [Fact]
    public async Task AHoldIsPaidTicketedScannedOnceAndRefusedTheSecondTime()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var buyer = await api.CreateUserAsync(name: "Ana Buyer");
        var holdId = await shop.HoldAsync(buyer, show.TicketTypeIds[0], 2);

        var (status, checkout) = await shop.CheckoutAsync(buyer, holdId);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("paid", checkout.GetProperty("status").GetString());
        Assert.Equal(200_000, checkout.GetProperty("total").GetInt64());
        var tickets = checkout.GetProperty("tickets").EnumerateArray().ToList();
        Assert.Equal(2, tickets.Count);
        var code = tickets[0].GetProperty("code").GetString()!;
        Assert.Matches("^[0-7][0-9A-HJKMNP-TV-Z]{25}$", code);

        var order = await shop.OrderAsync(buyer, checkout.GetProperty("orderId").GetGuid());
        Assert.Equal("paid", order.GetProperty("status").GetString());
        Assert.Equal("test", order.GetProperty("paymentProvider").GetString());
        var availability = await shop.AvailabilityAsync(show.Id);
        Assert.Equal(2, availability.GetProperty("sold").GetInt32());
        Assert.Equal(0, availability.GetProperty("held").GetInt32());

        using var client = api.Client(buyer.Token);
        using var qr = await client.GetAsync(tickets[0].GetProperty("qrUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
        Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);
        var png = await qr.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);

        var (first, admitted) = await shop.CheckInAsync(organizer, show.Id, code);
        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal("Ana Buyer", admitted.GetProperty("attendeeName").GetString());
        Assert.Equal("Tier 1", admitted.GetProperty("ticketType").GetString());

        var (second, refused) = await shop.CheckInAsync(organizer, show.Id, code);
        Assert.Equal(HttpStatusCode.Conflict, second);
        var bogotaTime = admitted.GetProperty("checkedInAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(-5)).ToString("HH:mm");
        Assert.Equal($"Already checked in at {bogotaTime}.", refused.GetProperty("title").GetString());

        using var summary = await api.Client(organizer.Token).GetAsync($"/api/events/{show.Id}/check-ins/summary");
        var counts = await summary.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, counts.GetProperty("checkedIn").GetInt64());
        Assert.Equal(2, counts.GetProperty("sold").GetInt64());
    }

    [Fact]
    public async Task AConfirmationMessageReachesTheMessageLogThroughTheOutbox()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var buyer = await api.CreateUserAsync();

        var (orderId, _) = await shop.BuyAsync(buyer, show.TicketTypeIds[0], 1);

        Assert.Equal(1, await shop.CountAsync(
            "SELECT count(*) FROM outbox WHERE kind = 'ticket_confirmation' AND payload ->> 'orderId' = $1", orderId.ToString()));
        Assert.True(await Eventually.TrueAsync(
            async () => await shop.CountAsync(
                "SELECT count(*) FROM message_log WHERE template = 'ticket_confirmation' AND recipient = $1", buyer.Email) == 1,
            TimeSpan.FromSeconds(30)));

        // The dispatcher marks the row processed after the message is logged, in a statement of its own: wait for it too.
        Assert.True(await Eventually.TrueAsync(
            async () => await shop.CountAsync(
                "SELECT count(*) FROM outbox WHERE payload ->> 'orderId' = $1 AND processed_at IS NULL", orderId.ToString()) == 0,
            TimeSpan.FromSeconds(30)));
        Assert.Equal(1, await shop.CountAsync(
            "SELECT count(*) FROM message_log WHERE template = 'ticket_confirmation' AND recipient = $1", buyer.Email));
    }

    [Fact]
    public async Task ARetriedCheckoutGetsTheSameOrderAndTicketsAndNoSecondSale()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var buyer = await api.CreateUserAsync();
        var holdId = await shop.HoldAsync(buyer, show.TicketTypeIds[0], 3);

        var (_, first) = await shop.CheckoutAsync(buyer, holdId, "pay-once");
        var (_, withSameKey) = await shop.CheckoutAsync(buyer, holdId, "pay-once");
        var (_, withoutKey) = await shop.CheckoutAsync(buyer, holdId);

        Assert.Equal(first.GetProperty("orderId").GetGuid(), withSameKey.GetProperty("orderId").GetGuid());
        Assert.Equal(first.GetProperty("orderId").GetGuid(), withoutKey.GetProperty("orderId").GetGuid());
        Assert.Equal(first.GetProperty("tickets").ToString(), withoutKey.GetProperty("tickets").ToString());
        Assert.Equal(3, (await shop.AvailabilityAsync(show.Id)).GetProperty("sold").GetInt32());
        Assert.Equal(3, await shop.CountAsync("SELECT count(*) FROM tickets WHERE event_id = $1", show.Id));
    }

    [Fact]
    public async Task ADeclinedPaymentFailsTheOrderButKeepsTheHoldUntilItExpires()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var buyer = await shop.RegisterAsync($"ana+decline-{Guid.NewGuid():N}@fashionistas.test");
        var holdId = await shop.HoldAsync(buyer, show.TicketTypeIds[0], 2);

        var (status, problem) = await shop.CheckoutAsync(buyer, holdId);

        Assert.Equal(HttpStatusCode.PaymentRequired, status);
        Assert.Equal("card_declined", problem.GetProperty("declineReason").GetString());
        var order = await shop.OrderAsync(buyer, problem.GetProperty("orderId").GetGuid());
        Assert.Equal("failed", order.GetProperty("status").GetString());
        Assert.Equal(2, (await shop.AvailabilityAsync(show.Id)).GetProperty("held").GetInt32());
        Assert.Equal(0, await shop.CountAsync("SELECT count(*) FROM tickets WHERE event_id = $1", show.Id));
        Assert.Equal(1, await shop.CountAsync(
            "SELECT count(*) FROM outbox WHERE kind = 'payment_failed' AND payload ->> 'orderId' = $1",
            problem.GetProperty("orderId").GetGuid().ToString()));
    }

    [Fact]
    public async Task OnlyTheBuyerAndTheEventsStaffSeeAnOrderAndItsQrCodes()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var buyer = await api.CreateUserAsync();
        var stranger = await api.CreateUserAsync();
        var otherOrganizer = await api.CreateUserAsync("organizer");
        var (orderId, codes) = await shop.BuyAsync(buyer, show.TicketTypeIds[0], 1);

        using var strangerClient = api.Client(stranger.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/api/orders/{orderId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/api/tickets/{codes[0]}/qr.png")).StatusCode);
        using var organizerClient = api.Client(organizer.Token);
        Assert.Equal(HttpStatusCode.OK, (await organizerClient.GetAsync($"/api/orders/{orderId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await organizerClient.GetAsync($"/api/tickets/{codes[0]}/qr.png")).StatusCode);

        var (status, _) = await shop.CheckInAsync(otherOrganizer, show.Id, codes[0]);
        Assert.Equal(HttpStatusCode.Forbidden, status);

        using var mine = api.Client(buyer.Token);
        var orders = await mine.GetFromJsonAsync<JsonElement>("/api/me/orders");
        Assert.Equal(orderId, Assert.Single(orders.EnumerateArray()).GetProperty("orderId").GetGuid());
        var tickets = await mine.GetFromJsonAsync<JsonElement>("/api/me/tickets");
        Assert.Equal(codes[0], Assert.Single(tickets.EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ACodeOfAnotherEventIsNotFoundAtTheDoor()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var otherShow = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var buyer = await api.CreateUserAsync();
        var (_, codes) = await shop.BuyAsync(buyer, otherShow.TicketTypeIds[0], 1);

        var (status, _) = await shop.CheckInAsync(organizer, show.Id, codes[0]);
        var (unknown, _) = await shop.CheckInAsync(organizer, show.Id, "0123456789ABCDEFGHJKMNPQRS");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal(0, await shop.CountAsync("SELECT count(*) FROM check_ins WHERE event_id = ANY($1)", new[] { show.Id, otherShow.Id }));
    }

    [Fact]
    public async Task FiftyConcurrentScansOfOneCodeAdmitExactlyOnce()
    {
        const int Scans = 50;
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var buyer = await api.CreateUserAsync();
        var (_, codes) = await shop.BuyAsync(buyer, show.TicketTypeIds[0], 1);

        var results = await Task.WhenAll(Enumerable.Range(0, Scans).Select(_ => shop.CheckInAsync(organizer, show.Id, codes[0])));

        Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Equal(Scans - 1, results.Count(r => r.Status == HttpStatusCode.Conflict));
        Assert.Equal(1, await shop.CountAsync("SELECT count(*) FROM check_ins WHERE event_id = $1", show.Id));
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheCheckoutRoutes()
    {
        using var client = api.Client();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");

        foreach (var path in new[]
        {
            "/api/holds/{id}/checkout", "/api/orders/{id}", "/api/me/orders", "/api/orders/{id}/refund", "/api/me/tickets",
            "/api/tickets/{code}/qr.png", "/api/tickets/{code}/transfer", "/api/events/{id}/check-ins",
            "/api/events/{id}/check-ins/summary", "/api/webhooks/stripe",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }
}
