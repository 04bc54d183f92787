using Fashionistas.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashionistas.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class EventSearchTests(ApiFactory api, BrowserFixture browser) : IClassFixture<ApiFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AVisitorSearchesTheEventListByVenue()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        await using var visitor = await browser.OpenAsync(api.BaseAddress);
        var page = visitor.Page;

        await page.GotoAsync("/");
        await Expect(page.Locator($"[data-event-id='{show.Id}']")).ToBeVisibleAsync();
        await page.GetByPlaceholder("Busca por nombre, ciudad o lugar").FillAsync("Tombuctú");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar" }).ClickAsync();
        await Expect(page.Locator("#events")).ToContainTextAsync("Ningún evento próximo coincide con «Tombuctú».");
        await page.GetByPlaceholder("Busca por nombre, ciudad o lugar").FillAsync("medellín");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar" }).ClickAsync();

        await Expect(page.Locator($"[data-event-id='{show.Id}']")).ToBeVisibleAsync();
        await visitor.ScreenshotAsync("events-search");
        visitor.AssertNoConsoleErrors();
    }
}
