using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Checkout;
using Fashionistas.Tests.Infrastructure;
using Fashionistas.Tests.Live;

namespace Fashionistas.Tests.Orders;

/// <summary>POST /api/orders/{id}/cancel on the test provider (a declined order is one still awaiting payment).</summary>
public sealed class OrderCancellationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly CheckoutDriver shop = new(api);

    [Fact]
    public async Task ABuyerCancelsAnUnpaidOrderAndItsSeatsAreOnSaleAgainAtOnceAndPushedLive()
    {
        var (show, buyer, holdId, orderId) = await UnpaidOrderAsync(quantity: 3);
        Assert.Equal(7, await shop.AvailableAsync(show.Id));
        await using var hub = await LiveHubConnection.ConnectAsync(new Uri(api.BaseAddress, "/hubs/live"));
        await hub.InvokeAsync("JoinEvent", show.Id);
        Assert.NotNull(await hub.WaitForAsync("availability", a => Available(a) == 7, Wait));

        var (status, order) = await CancelAsync(buyer, orderId);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("cancelled", order.GetProperty("status").GetString());
        Assert.Equal(orderId, order.GetProperty("orderId").GetGuid());
        var availability = await shop.AvailabilityAsync(show.Id);
        Assert.Equal(10, availability.GetProperty("available").GetInt32());
        Assert.Equal(0, availability.GetProperty("held").GetInt32());
        Assert.NotNull(await hub.WaitForAsync("availability", a => Available(a) == 10, Wait));
        Assert.Equal(1, await shop.CountAsync("SELECT count(*) FROM holds WHERE id = $1 AND status = 'released'", holdId));
        Assert.Equal(1, await shop.CountAsync(
            "SELECT count(*) FROM audit_logs WHERE action = 'order.cancelled' AND entity_id = $1 AND user_id = $2 AND changes ->> 'from' = 'failed'",
            orderId, buyer.Id));
        Assert.Equal("cancelled", (await shop.OrderAsync(buyer, orderId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task CancellingAgainAnswersTheCancelledOrderWithoutASecondEffect()
    {
        var (show, buyer, _, orderId) = await UnpaidOrderAsync(quantity: 2);
        Assert.Equal(HttpStatusCode.OK, (await CancelAsync(buyer, orderId)).Status);

        using var client = api.Client(buyer.Token);
        using var again = await client.PostAsync($"/api/orders/{orderId}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal("cancelled", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(1, await shop.CountAsync("SELECT count(*) FROM audit_logs WHERE action = 'order.cancelled' AND entity_id = $1", orderId));
        Assert.Equal(10, await shop.AvailableAsync(show.Id));
    }

    [Fact]
    public async Task APaidOrderIsNotCancelledAndTheProblemPointsToRefunds()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var buyer = await api.CreateUserAsync();
        var (orderId, _) = await shop.BuyAsync(buyer, show.TicketTypeIds[0], 2);

        using var client = api.Client(buyer.Token);
        using var response = await client.PostAsync($"/api/orders/{orderId}/cancel", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("refund", problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal($"/api/orders/{orderId}/refund", problem.GetProperty("refund").GetString());
        Assert.Equal("paid", problem.GetProperty("status").GetString());
        Assert.Equal("paid", (await shop.OrderAsync(buyer, orderId)).GetProperty("status").GetString());
        Assert.Equal(2, (await shop.AvailabilityAsync(show.Id)).GetProperty("sold").GetInt32());
    }

    [Fact]
    public async Task SomeoneElsesOrderIsNotFoundWhileTheEventsOrganizerMayCancelIt()
    {
        var (show, _, _, orderId) = await UnpaidOrderAsync(quantity: 1);
        var stranger = await api.CreateUserAsync();
        var otherOrganizer = await api.CreateUserAsync("organizer");

        Assert.Equal(HttpStatusCode.NotFound, (await CancelAsync(stranger, orderId)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await CancelAsync(otherOrganizer, orderId)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await CancelAsync(stranger, Guid.NewGuid())).Status);
        using (var anonymous = api.Client())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/orders/{orderId}/cancel", null)).StatusCode);
        }

        Assert.Equal(9, await shop.AvailableAsync(show.Id));

        var (status, order) = await CancelAsync(show.Organizer, orderId);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("cancelled", order.GetProperty("status").GetString());
        Assert.Equal(10, await shop.AvailableAsync(show.Id));
        Assert.Equal(1, await shop.CountAsync(
            "SELECT count(*) FROM audit_logs WHERE action = 'order.cancelled' AND entity_id = $1 AND user_id = $2", orderId, show.Organizer.Id));
    }

    [Fact]
    public async Task ACancelledOrdersHoldCannotBeCheckedOutAgain()
    {
        var (_, buyer, holdId, orderId) = await UnpaidOrderAsync(quantity: 1);
        Assert.Equal(HttpStatusCode.OK, (await CancelAsync(buyer, orderId)).Status);

        var (status, problem) = await shop.CheckoutAsync(buyer, holdId);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("The order cannot be paid.", problem.GetProperty("title").GetString());
        Assert.Equal("cancelled", problem.GetProperty("status").GetString());
        Assert.Equal("cancelled", (await shop.OrderAsync(buyer, orderId)).GetProperty("status").GetString());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> CancelAsync(TestUser user, Guid orderId)
    {
        using var client = api.Client(user.Token);
        using var response = await client.PostAsync($"/api/orders/{orderId}/cancel", null);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>An order whose payment was declined: failed, its seats still held, payable again until cancelled.</summary>
    private async Task<(OrganizedEvent Show, TestUser Buyer, Guid HoldId, Guid OrderId)> UnpaidOrderAsync(int quantity)
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var buyer = await shop.RegisterAsync($"ana+decline-{Guid.NewGuid():N}@fashionistas.test");
        var holdId = await shop.HoldAsync(buyer, show.TicketTypeIds[0], quantity);
        var (status, declined) = await shop.CheckoutAsync(buyer, holdId);
        Assert.Equal(HttpStatusCode.PaymentRequired, status);
        return (new OrganizedEvent(show.Id, organizer), buyer, holdId, declined.GetProperty("orderId").GetGuid());
    }

    private static int Available(JsonElement availability) => availability.GetProperty("available").GetInt32();

    private sealed record OrganizedEvent(Guid Id, TestUser Organizer);
}
