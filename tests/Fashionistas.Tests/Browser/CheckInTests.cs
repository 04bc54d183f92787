using Fashionistas.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashionistas.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CheckInTests(ApiFactory api, BrowserFixture browser) : IClassFixture<ApiFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TheDoorAdmitsATicketOnceAndRefusesTheSecondScan()
    {
        var organizer = await SignedInUser.CreateAsync(api, "organizer");
        var show = await api.CreateOnSaleEventAsync(organizer.User, tierCapacities: 10);
        var buyer = await api.CreateUserAsync(name: "Isabella Restrepo");
        var codes = await Purchases.BuyAsync(api, buyer, show.TicketTypeIds[0]);
        await using var door = await browser.OpenAsync(api.BaseAddress, organizer, phone: true);
        var page = door.Page;
        await page.GotoAsync($"/checkin.html?id={show.Id}");
        var verdict = page.Locator("#verdict");

        await page.GetByLabel("Código de la boleta").FillAsync(codes[0]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Validar" }).ClickAsync();

        await Expect(verdict).ToHaveAttributeAsync("data-result", "admitted");
        await Expect(verdict).ToContainTextAsync("ADMITIDO");
        await Expect(verdict).ToContainTextAsync("Isabella Restrepo");
        await Expect(page.Locator("#checkin-count")).ToHaveTextAsync("1");
        await door.ScreenshotAsync("checkin-admitted-phone");

        await page.GetByLabel("Código de la boleta").FillAsync(codes[0]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Validar" }).ClickAsync();

        await Expect(verdict).ToHaveAttributeAsync("data-result", "refused");
        await Expect(verdict).ToContainTextAsync("NO ADMITIDO");
        await Expect(verdict).ToContainTextAsync("Ya ingresó a las");
        await Expect(page.Locator("#checkin-count")).ToHaveTextAsync("1");
        await door.ScreenshotAsync("checkin-refused-phone");
        door.AssertNoConsoleErrors("status of 409");
    }

    [Fact]
    public async Task ATicketForAnotherEventIsRefusedWithTheReason()
    {
        var organizer = await SignedInUser.CreateAsync(api, "organizer");
        var tonight = await api.CreateOnSaleEventAsync(organizer.User, tierCapacities: 10);
        var otherNight = await api.CreateOnSaleEventAsync(organizer.User, tierCapacities: 10);
        var codes = await Purchases.BuyAsync(api, await api.CreateUserAsync(), otherNight.TicketTypeIds[0]);
        await using var door = await browser.OpenAsync(api.BaseAddress, organizer);
        await door.GotoAsync($"/checkin.html?id={tonight.Id}");

        await door.Page.GetByLabel("Código de la boleta").FillAsync(codes[0]);
        await door.Page.Keyboard.PressAsync("Enter");

        await Expect(door.Page.Locator("#verdict")).ToHaveAttributeAsync("data-result", "refused");
        await Expect(door.Page.Locator("#verdict")).ToContainTextAsync("no es de este evento");
        door.AssertNoConsoleErrors("status of 404");
    }
}
