using Fashionistas.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashionistas.Tests.Browser;

/// <summary>The admins' way into the Orleans dashboard from the pages' navigation (issue 11, item 7).</summary>
[Collection(BrowserCollection.Name)]
public sealed class OrleansDashboardLinkTests(ApiFactory api, BrowserFixture browser) : IClassFixture<ApiFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnAdminReachesTheOrleansDashboardFromTheNavigation()
    {
        await using var desk = await browser.OpenAsync(api.BaseAddress, await SignedInUser.AdminAsync(api));
        var page = desk.Page;
        await page.GotoAsync("/");

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Link, new() { Name = "Clúster Orleans" }).ClickAsync(),
            r => r.Request.IsNavigationRequest && r.Url.EndsWith("/admin/orleans/", StringComparison.Ordinal));
        await page.WaitForURLAsync("**/admin/orleans/");

        Assert.Equal(200, response.Status);
        Assert.Contains("<html", await response.TextAsync(), StringComparison.OrdinalIgnoreCase);
        await desk.ScreenshotAsync("orleans-dashboard");
    }

    [Fact]
    public async Task TheLinkIsInEnglishToo()
    {
        await using var desk = await browser.OpenAsync(api.BaseAddress, await SignedInUser.AdminAsync(api));
        await desk.GotoAsync("/");

        await desk.Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Expect(desk.Page.GetByRole(AriaRole.Link, new() { Name = "Orleans cluster" })).ToHaveAttributeAsync("href", "/admin/orleans/");
        desk.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task AnOrganizerDoesNotSeeTheLinkNorReachTheDashboard()
    {
        await using var desk = await browser.OpenAsync(api.BaseAddress, await SignedInUser.CreateAsync(api, "organizer"));
        await desk.GotoAsync("/");
        await Expect(desk.Page.GetByRole(AriaRole.Link, new() { Name = "Mis eventos" })).ToBeVisibleAsync();

        await Expect(desk.Page.Locator("#nav-orleans")).ToHaveCountAsync(0);
        var direct = await desk.Page.GotoAsync("/admin/orleans/");
        Assert.NotNull(direct);
        Assert.NotEqual(200, direct.Status);
    }
}
