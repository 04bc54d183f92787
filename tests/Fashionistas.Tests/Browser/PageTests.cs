using Fashionistas.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashionistas.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PageTests(ApiFactory api, BrowserFixture browser) : IClassFixture<ApiFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task EveryPageRendersInSpanishThenEnglishWithLabelledControlsAndNoConsoleErrors()
    {
        var organizer = await SignedInUser.CreateAsync(api, "organizer", "Organizadora");
        var show = await api.CreateOnSaleEventAsync(organizer.User, tierCapacities: [40, 120]);
        await Purchases.BuyAsync(api, organizer.User, show.TicketTypeIds[0], 2);
        await using var session = await browser.OpenAsync(api.BaseAddress, organizer);
        var page = session.Page;

        (string Path, string Name, string Spanish, string English)[] pages =
        [
            ("/", "events", "Próximos eventos", "Upcoming events"),
            ($"/event.html?id={show.Id}", "event", "Boletas", "Tickets"),
            ("/login.html", "login", "Tu cuenta", "Your account"),
            ("/tickets.html", "tickets", "Mis boletas", "My tickets"),
            ("/organizer.html", "organizer", "Mis eventos", "My events"),
            ($"/dashboard.html?id={show.Id}", "dashboard", "En vivo", "Live"),
            ($"/checkin.html?id={show.Id}", "checkin", "Código de la boleta", "Ticket code"),
        ];
        foreach (var (path, name, spanish, english) in pages)
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("main")).ToContainTextAsync(spanish);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await ExpectEveryControlLabelledAsync(page);
            await session.ScreenshotAsync(name);

            await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Expect(page.Locator("main")).ToContainTextAsync(english);
            await page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
            await Expect(page.Locator("main")).ToContainTextAsync(spanish);
        }

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/dashboard.html?id={show.Id}");
        await Expect(page.Locator("#stat-sold")).ToHaveTextAsync("2");
        await session.ScreenshotAsync("dashboard-phone");
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task PricesAreShownInColombianPesos()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        await using var visitor = await browser.OpenAsync(api.BaseAddress);

        await visitor.GotoAsync($"/event.html?id={show.Id}");

        // es-CO: "$ 100.000" with a non-breaking space and no decimals.
        await Expect(visitor.Page.Locator(".tier-price .now")).ToHaveTextAsync("$\u00a0100.000");
        visitor.AssertNoConsoleErrors();
    }

    private static async Task ExpectEveryControlLabelledAsync(IPage page)
    {
        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
              .filter(el => el.offsetParent !== null)
              .filter(el => !(el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.textContent.trim()))
              .map(el => el.outerHTML)
            """);
        Assert.True(unlabelled.Length == 0, $"{page.Url}: controls without a label: {string.Join(", ", unlabelled)}");
    }
}
