using Fashionistas.Tests.Checkout;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Waitlist;

/// <summary>An expired hold gives its seats back to the waitlist, overbooked as configured.</summary>
public sealed class WaitlistHoldExpiryTests(ShortHoldWaitlistApiFactory api) : IClassFixture<ShortHoldWaitlistApiFactory>
{
    [Fact]
    public async Task AnExpiredHoldsSeatIsAnnouncedToTwoWaitersWhenOverbookingIsAHundredPercent()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 1);
        var tier = show.TicketTypeIds[0];
        var waiters = new[] { await api.CreateUserAsync(), await api.CreateUserAsync(), await api.CreateUserAsync() };
        var waitlist = new WaitlistCalls(api);
        await new CheckoutDriver(api).HoldAsync(await api.CreateUserAsync(), tier, 1);
        foreach (var waiter in waiters)
        {
            await waitlist.JoinedPositionAsync(waiter, tier);
        }

        Assert.True(await Eventually.TrueAsync(
            async () => (await waitlist.NotifiedUsersAsync(tier)).Count >= 2, ShortHoldWaitlistApiFactory.HoldDuration * 5));
        Assert.True(await Eventually.TrueAsync(
            async () => (await waitlist.LoggedRecipientsAsync(waiters.Select(w => w.Email))).Count >= 2, TimeSpan.FromSeconds(20)));

        Assert.Equal([waiters[0].Id, waiters[1].Id], await waitlist.NotifiedUsersAsync(tier));
        Assert.Equal(2, (await waitlist.LoggedRecipientsAsync(waiters.Select(w => w.Email))).Count);
    }
}
