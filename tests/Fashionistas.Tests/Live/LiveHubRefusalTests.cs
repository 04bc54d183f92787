using Fashionistas.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Fashionistas.Tests.Live;

/// <summary>Joins the hub refuses are a clear error to the client and an Information log, never an Error.</summary>
public sealed class LiveHubRefusalTests(LogCapturingApiFactory api) : IClassFixture<LogCapturingApiFactory>
{
    private Uri HubUrl => new(api.BaseAddress, "/hubs/live");

    [Fact]
    public async Task JoiningAnEventThatDoesNotExistIsRefusedWithAClearMessageAndNoErrorLog()
    {
        var missing = Guid.NewGuid();
        await using var hub = await LiveHubConnection.ConnectAsync(HubUrl);

        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("JoinEvent", missing));

        Assert.EndsWith("HubException: No such event.", refused.Message, StringComparison.Ordinal);
        AssertLoggedAsRefusal("JoinEvent", "No such event.");
    }

    [Fact]
    public async Task JoiningTheDashboardOfSomeoneElsesEventOrWithoutSigningInIsRefusedWithoutAnErrorLog()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 5);
        var attendee = await api.CreateUserAsync();
        await using var signedIn = await LiveHubConnection.ConnectAsync(HubUrl, attendee.Token);
        await using var anonymous = await LiveHubConnection.ConnectAsync(HubUrl);

        var notManager = await Assert.ThrowsAsync<HubException>(() => signedIn.InvokeAsync("JoinDashboard", show.Id));
        var notSignedIn = await Assert.ThrowsAsync<HubException>(() => anonymous.InvokeAsync("JoinDashboard", show.Id));

        Assert.EndsWith("HubException: You do not manage this event.", notManager.Message, StringComparison.Ordinal);
        Assert.EndsWith("HubException: Sign in to watch an event's dashboard.", notSignedIn.Message, StringComparison.Ordinal);
        AssertLoggedAsRefusal("JoinDashboard", "You do not manage this event.");
        AssertLoggedAsRefusal("JoinDashboard", "Sign in to watch an event's dashboard.");

        // The connection survives a refusal: the same client may still join what it may see.
        await signedIn.InvokeAsync("JoinEvent", show.Id);
    }

    private void AssertLoggedAsRefusal(string method, string reason)
    {
        var entries = api.Logs.Entries;
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Error && e.Message.Contains(method, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Error && (e.Exception?.Message.Contains(reason, StringComparison.Ordinal) ?? false));
        var logged = Assert.Single(entries, e => e.Category.EndsWith("LiveHubFilter", StringComparison.Ordinal) && e.Message.Contains(reason, StringComparison.Ordinal)
            && e.Message.Contains(method, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, logged.Level);
    }
}
