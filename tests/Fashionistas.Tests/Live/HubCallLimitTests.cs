using Fashionistas.Tests.Infrastructure;
using Fashionistas.Web.Live;

namespace Fashionistas.Tests.Live;

/// <summary>One connection cannot flood the hub: calls past its budget are refused, and the connection stays usable.</summary>
public sealed class HubCallLimitTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AConnectionCallingFasterThanItsBudgetIsRefusedAndRecovers()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 5);
        await using var hub = await LiveHubConnection.ConnectAsync(new Uri(api.BaseAddress, "/hubs/live"));
        await using var neighbour = await LiveHubConnection.ConnectAsync(new Uri(api.BaseAddress, "/hubs/live"));

        var refusals = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 200; i++)
        {
            try
            {
                await hub.InvokeAsync("LeaveEvent", show.Id);
            }
            catch (Microsoft.AspNetCore.SignalR.HubException refused)
            {
                refusals.Add(refused.Message);
            }
        }

        var elapsed = clock.Elapsed;
        await neighbour.InvokeAsync("JoinEvent", show.Id);

        // The default budget: a burst of 20, then 10 calls a second.
        var allowed = 200 - refusals.Count;
        Assert.InRange(allowed, 20, 20 + (int)Math.Ceiling(elapsed.TotalSeconds * 10) + 1);
        Assert.All(refusals, r => Assert.EndsWith(HubCallLimitFilter.Refusal, r, StringComparison.Ordinal));
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            try
            {
                await hub.InvokeAsync("JoinEvent", show.Id);
                return true;
            }
            catch (Microsoft.AspNetCore.SignalR.HubException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(10)));
    }
}
