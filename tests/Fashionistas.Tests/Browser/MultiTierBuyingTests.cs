using Fashionistas.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashionistas.Tests.Browser;

/// <summary>A buyer picks two tiers on the event page, names both attendees and pays once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MultiTierBuyingTests(ApiFactory api, BrowserFixture browser) : IClassFixture<ApiFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ABuyerBuysTwoTiersInOneOrderWithAttendeeNames()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: [20, 10]);
        var (general, vip) = (show.TicketTypeIds[0], show.TicketTypeIds[1]);
        var buyer = await SignedInUser.CreateAsync(api, name: "Camila Compra");
        await using var session = await browser.OpenAsync(api.BaseAddress, buyer, phone: true);
        var page = session.Page;

        await page.GotoAsync($"/event.html?id={show.Id}");
        var basket = page.Locator("#basket");
        await Expect(basket).ToContainTextAsync("Compra varias boletas en un solo pedido");
        await basket.Locator($"[data-basket-tier='{general}']").FillAsync("1");
        await basket.Locator($"[data-basket-tier='{vip}']").FillAsync("1");
        await Expect(page.Locator("#basket-preview")).ToContainTextAsync("200.000");
        await page.Locator("#basket-hold").ClickAsync();

        await Expect(page.Locator("#basket-pay")).ToContainTextAsync("200.000");
        var names = basket.Locator("[name='attendee-name']");
        await Expect(names).ToHaveCountAsync(2);
        await names.Nth(0).FillAsync("Laura Gómez");
        await names.Nth(1).FillAsync("Sofía Ríos");
        await session.ScreenshotAsync("event-basket-held-phone");
        await page.Locator("#basket-pay").ClickAsync();

        await Expect(basket).ToContainTextAsync("Un pedido, un pago");
        await Expect(basket.Locator("img.qr")).ToHaveCountAsync(2);
        await page.GotoAsync("/tickets.html");
        await Expect(page.Locator("#tickets")).ToContainTextAsync("Asistente: Laura Gómez");
        await Expect(page.Locator("#tickets")).ToContainTextAsync("Asistente: Sofía Ríos");
        await session.ScreenshotAsync("my-tickets-attendees-phone");

        session.AssertNoConsoleErrors();
    }
}
