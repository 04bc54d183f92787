using Fashionistas.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashionistas.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ApiReferencePageTests(ApiFactory api, BrowserFixture browser) : IClassFixture<ApiFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TheApiReferenceShowsTheHoldRouteWithoutConsoleOrPolicyErrors()
    {
        await using var integrator = await browser.OpenAsync(api.BaseAddress);

        await integrator.GotoAsync("/scalar/");

        await Expect(integrator.Page).ToHaveTitleAsync("Fashionistas API");
        await Expect(integrator.Page.GetByRole(AriaRole.Heading, new() { Name = "Fashionistas API" })).ToBeVisibleAsync();
        await Expect(integrator.Page.GetByText("Holds", new() { Exact = true }).First).ToBeAttachedAsync();
        await integrator.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await integrator.ScreenshotAsync("api-reference");
        integrator.AssertNoConsoleErrors();
    }
}
