using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Publishing;
using Fashionistas.Silo.Waitlist;
using Fashionistas.Tests.Checkout;
using Fashionistas.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fashionistas.Tests.Waitlist;

/// <summary>Seats coming back tell the waiters first in line, once each, through the outbox and message_log.</summary>
public sealed class WaitlistNotificationTests(WaitlistApiFactory api) : IClassFixture<WaitlistApiFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly CheckoutDriver shop = new(api);
    private readonly WaitlistCalls waitlist = new(api);

    [Fact]
    public async Task ARefundReturningTwoSeatsTellsExactlyTheFirstTwoWaitersOnce()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 2);
        var tier = show.TicketTypeIds[0];
        var (orderId, _) = await shop.BuyAsync(await api.CreateUserAsync(), tier, 2);
        var waiters = new[] { await api.CreateUserAsync(), await api.CreateUserAsync(), await api.CreateUserAsync() };
        foreach (var waiter in waiters)
        {
            await waitlist.JoinedPositionAsync(waiter, tier);
        }

        using var client = api.Client(organizer.Token);
        using var refund = await client.PostAsJsonAsync($"/api/orders/{orderId}/refund", new { reason = "Cambio de planes" });
        Assert.Equal(HttpStatusCode.OK, refund.StatusCode);

        Assert.True(await Eventually.TrueAsync(async () => (await waitlist.NotifiedUsersAsync(tier)).Count >= 2, Patience));
        Assert.True(await Eventually.TrueAsync(
            async () => (await waitlist.LoggedRecipientsAsync(waiters.Select(w => w.Email))).Count >= 2, Patience));

        // The same availability seen again and again, from the publisher and from racing rounds, tells no one else.
        var publisher = api.Services.GetRequiredService<IAvailabilityPublisher>();
        var notifier = api.Services.GetRequiredService<WaitlistNotifier>();
        for (var i = 0; i < 5; i++)
        {
            publisher.AvailabilityChanged(new AvailabilitySnapshot(tier, show.Id, 2, 2, 0, 0, DateTimeOffset.UtcNow));
        }

        var rounds = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => notifier.RunRoundAsync(tier, 2, CancellationToken.None)));

        Assert.All(rounds, r => Assert.Empty(r.Notified));
        Assert.Equal([waiters[0].Id, waiters[1].Id], await waitlist.NotifiedUsersAsync(tier));
        Assert.Equal(
            new[] { waiters[0].Email, waiters[1].Email }.Order(StringComparer.Ordinal),
            (await waitlist.LoggedRecipientsAsync(waiters.Select(w => w.Email))).Order(StringComparer.Ordinal));
        var mine = (await waitlist.MineAsync(waiters[0])).EnumerateArray().Single();
        Assert.NotEqual(JsonValueKind.Null, mine.GetProperty("notifiedAt").ValueKind);
        var third = (await waitlist.MineAsync(waiters[2])).EnumerateArray().Single();
        Assert.Equal(JsonValueKind.Null, third.GetProperty("notifiedAt").ValueKind);
    }

    [Fact]
    public async Task AReleasedHoldTellsTheFirstWaiterWhoseHoldThenTakesThemOffTheList()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 1);
        var tier = show.TicketTypeIds[0];
        var holder = await api.CreateUserAsync();
        var holdId = await shop.HoldAsync(holder, tier, 1);
        var (first, second) = (await api.CreateUserAsync(), await api.CreateUserAsync());
        await waitlist.JoinedPositionAsync(first, tier);
        await waitlist.JoinedPositionAsync(second, tier);

        using (var client = api.Client(holder.Token))
        using (var release = await client.DeleteAsync($"/api/holds/{holdId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, release.StatusCode);
        }

        Assert.True(await Eventually.TrueAsync(async () => (await waitlist.NotifiedUsersAsync(tier)).Count >= 1, Patience));
        await shop.HoldAsync(first, tier, 1);

        Assert.True(await Eventually.TrueAsync(
            async () => (await waitlist.PlaceAsync(first, tier)).Status == HttpStatusCode.NotFound, Patience));
        Assert.Equal([first.Id], await waitlist.NotifiedUsersAsync(tier));
        var (status, place) = await waitlist.PlaceAsync(second, tier);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, place.GetProperty("position").GetInt32());
    }

    [Fact]
    public async Task SeatsReturnedByCancellingTheEventTellNoOne()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 2);
        var tier = show.TicketTypeIds[0];
        await shop.BuyAsync(await api.CreateUserAsync(), tier, 2);
        await waitlist.JoinedPositionAsync(await api.CreateUserAsync(), tier);

        using var client = api.Client(organizer.Token);
        using var cancel = await client.PostAsJsonAsync($"/api/events/{show.Id}/status", new { status = "cancelled", reason = "Lluvia" });
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.True(await Eventually.TrueAsync(
            async () => await shop.CountAsync("SELECT count(*) FROM orders WHERE event_id = $1 AND status = 'refunded'", show.Id) == 1,
            Patience), "the cancellation refunds the order, returning its seats");

        var round = await api.Services.GetRequiredService<WaitlistNotifier>().RunRoundAsync(tier, 2, CancellationToken.None);

        Assert.Empty(round.Notified);
        Assert.Empty(await waitlist.NotifiedUsersAsync(tier));
    }
}
