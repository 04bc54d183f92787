using Fashionistas.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashionistas.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LiveUpdateTests(ApiFactory api, BrowserFixture browser) : IClassFixture<ApiFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task WhenOneVisitorBuysTheOthersAvailabilityAndTheOrganizersDashboardMoveWithoutReload()
    {
        var organizer = await SignedInUser.CreateAsync(api, "organizer", "Organizadora");
        var show = await api.CreateOnSaleEventAsync(organizer.User, perBuyerLimit: 10, tierCapacities: 10);
        var tierId = show.TicketTypeIds[0];
        await using var watcher = await browser.OpenAsync(api.BaseAddress);
        await using var dashboard = await browser.OpenAsync(api.BaseAddress, organizer);
        await using var buyer = await browser.OpenAsync(api.BaseAddress, await SignedInUser.CreateAsync(api, name: "Camila"));

        await watcher.GotoAsync($"/event.html?id={show.Id}");
        await dashboard.GotoAsync($"/dashboard.html?id={show.Id}");
        await buyer.GotoAsync($"/event.html?id={show.Id}");
        await Expect(watcher.Page.Locator("#live")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(dashboard.Page.Locator("#live")).ToHaveAttributeAsync("data-state", "connected");
        var watchedTier = watcher.Page.Locator($"[data-tier-id='{tierId}']");
        await Expect(watchedTier).ToContainTextAsync("Quedan 10 de 10");

        // A hold takes seats at once: the other visitor and the organizer see them go.
        var buyerTier = buyer.Page.Locator($"[data-tier-id='{tierId}']");
        await buyerTier.GetByLabel("Cantidad").FillAsync("3");
        await buyerTier.GetByRole(AriaRole.Button, new() { Name = "Apartar" }).ClickAsync();
        await Expect(watchedTier).ToContainTextAsync("Quedan 7 de 10");
        await Expect(dashboard.Page.Locator("#stat-held")).ToHaveTextAsync("3");

        await buyer.Page.Locator("#pay").ClickAsync();
        await Expect(buyer.Page.Locator("#hold")).ToContainTextAsync("¡Listo!");
        await Expect(dashboard.Page.Locator("#stat-sold")).ToHaveTextAsync("3");
        await Expect(dashboard.Page.Locator("#stat-held")).ToHaveTextAsync("0");
        await Expect(dashboard.Page.Locator($"#tier-bars [data-tier-id='{tierId}']")).ToHaveAttributeAsync("data-sold", "3");

        // The last seats: the tier shows as sold out for the watcher the moment they are taken.
        await buyerTier.GetByLabel("Cantidad").FillAsync("7");
        await buyerTier.GetByRole(AriaRole.Button, new() { Name = "Apartar" }).ClickAsync();
        await Expect(watchedTier).ToHaveAttributeAsync("data-sold-out", "true");
        await Expect(watchedTier.GetByRole(AriaRole.Button, new() { Name = "Agotado" })).ToBeDisabledAsync();
        await buyer.Page.Locator("#pay").ClickAsync();
        await Expect(dashboard.Page.Locator("#stat-sold")).ToHaveTextAsync("10");
        await Expect(dashboard.Page.Locator("#stat-available")).ToHaveTextAsync("0");
        await Expect(dashboard.Page.Locator("#sales-chart path.line")).ToHaveCountAsync(1);

        await watcher.ScreenshotAsync("event-sold-out");
        await dashboard.ScreenshotAsync("dashboard-live");
        watcher.AssertNoConsoleErrors();
        dashboard.AssertNoConsoleErrors();
        buyer.AssertNoConsoleErrors();
    }
}
