using System.Net;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;
using Fashionistas.Web.Operations;

namespace Fashionistas.Tests.Cluster;

/// <summary>What operators see of the cluster: the Orleans dashboard (admins only) and the silos in /health/ready.</summary>
public sealed class ClusterOperatorTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Dashboard = OrleansDashboardEndpoints.Path + "/";

    [Fact]
    public async Task TheOrleansDashboardIsRefusedToAnonymousVisitorsAndToNonAdmins()
    {
        var attendee = await api.CreateUserAsync();
        using var anonymous = api.Client();
        using var signedIn = api.Client(attendee.Token);

        using var anonymousAnswer = await anonymous.GetAsync(Dashboard);
        using var attendeeAnswer = await signedIn.GetAsync(Dashboard);
        using var attendeeSession = await signedIn.PostAsync(OrleansDashboardEndpoints.SessionPath, null);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, attendeeAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, attendeeSession.StatusCode);
    }

    [Fact]
    public async Task AnAdminOpensTheDashboardInABrowserThroughItsSessionCookie()
    {
        using var admin = api.Client(await api.AdminTokenAsync());
        using var session = await admin.PostAsync(OrleansDashboardEndpoints.SessionPath, null);
        Assert.Equal(HttpStatusCode.NoContent, session.StatusCode);
        var cookie = session.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=" + OrleansDashboardEndpoints.Path, cookie, StringComparison.OrdinalIgnoreCase);

        // A browser navigating: no Authorization header, only the cookie.
        using var browser = api.Client();
        browser.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        using var page = await browser.GetAsync(Dashboard);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ReadinessDetailShowsTheActiveSilosAndTheGrainActivations()
    {
        using var client = api.Client();

        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var cluster = body.RootElement.GetProperty("checks").GetProperty("cluster");
        Assert.Equal("Healthy", cluster.GetProperty("status").GetString());
        Assert.Equal(1, cluster.GetProperty("data").GetProperty("activeSilos").GetInt32());
        Assert.True(cluster.GetProperty("data").GetProperty("activations").GetInt32() >= 0);
    }
}
