using System.Text.RegularExpressions;
using Fashionistas.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashionistas.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed partial class BuyingTests(ApiFactory api, BrowserFixture browser) : IClassFixture<ApiFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AVisitorRegistersBuysATicketEndToEndAndSeesItsQrCode()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 20);
        await using var visitor = await browser.OpenAsync(api.BaseAddress, phone: true);
        var page = visitor.Page;

        await page.GotoAsync("/");
        await page.Locator($"[data-event-id='{show.Id}']").ClickAsync();
        var tier = page.Locator($"[data-tier-id='{show.TicketTypeIds[0]}']");
        await Expect(tier).ToContainTextAsync("Quedan 20 de 20");
        await visitor.ScreenshotAsync("event-phone");

        // Holding needs an account: the visitor is sent to register, then back to the event.
        await tier.GetByRole(AriaRole.Button, new() { Name = "Apartar" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/login\\.html"));
        await page.Locator("#tab-register").ClickAsync();
        await page.GetByLabel("Nombre").FillAsync("Valentina Gómez");
        await page.Locator("#register-email").FillAsync($"valentina-{Guid.NewGuid():N}@fashionistas.test");
        await page.Locator("#register-password").FillAsync("Clave-segura-2026");
        await visitor.ScreenshotAsync("register-phone");
        await page.Locator("#register-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/event\\.html\\?id={show.Id}"));

        await tier.GetByLabel("Cantidad").FillAsync("2");
        await Expect(tier).ToContainTextAsync("200.000");
        await tier.GetByRole(AriaRole.Button, new() { Name = "Apartar" }).ClickAsync();

        var hold = page.Locator("#hold");
        await Expect(hold).ToContainTextAsync("Tus boletas están apartadas");
        await Expect(page.Locator("#countdown")).ToHaveTextAsync(Countdown());
        await Expect(page.Locator("#hold-total")).ToContainTextAsync("200.000");
        await visitor.ScreenshotAsync("event-hold-phone");

        await page.Locator("#pay").ClickAsync();
        await Expect(hold).ToContainTextAsync("¡Listo! Estas son tus boletas");
        var qrCodes = hold.Locator("img.qr");
        await Expect(qrCodes).ToHaveCountAsync(2);
        await ExpectImagesLoadedAsync(qrCodes);
        await visitor.ScreenshotAsync("event-tickets-phone");

        await page.GetByRole(AriaRole.Link, new() { Name = "Mis boletas" }).First.ClickAsync();
        await Expect(page.Locator("#tickets img.qr")).ToHaveCountAsync(2);
        await ExpectImagesLoadedAsync(page.Locator("#tickets img.qr"));
        await Expect(page.Locator("#orders")).ToContainTextAsync("Pagada");
        await visitor.ScreenshotAsync("my-tickets-phone");

        visitor.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task TheHoldCanBeReleasedAndTheSeatsGoBackOnSale()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 5);
        await using var buyer = await browser.OpenAsync(api.BaseAddress, await SignedInUser.CreateAsync(api));
        var page = buyer.Page;

        await page.GotoAsync($"/event.html?id={show.Id}");
        var tier = page.Locator($"[data-tier-id='{show.TicketTypeIds[0]}']");
        await tier.GetByLabel("Cantidad").FillAsync("3");
        await tier.GetByRole(AriaRole.Button, new() { Name = "Apartar" }).ClickAsync();
        await Expect(page.Locator("#hold")).ToContainTextAsync("Tus boletas están apartadas");
        await Expect(tier).ToContainTextAsync("Quedan 2 de 5");

        await page.GetByRole(AriaRole.Button, new() { Name = "Liberar boletas" }).ClickAsync();

        await Expect(page.Locator("#hold")).ToBeHiddenAsync();
        await Expect(tier).ToContainTextAsync("Quedan 5 de 5");
        buyer.AssertNoConsoleErrors();
    }

    internal static async Task ExpectImagesLoadedAsync(ILocator images)
    {
        foreach (var image in await images.AllAsync())
        {
            await Expect(image).ToHaveAttributeAsync("src", new Regex("^blob:"));
            await Expect(image).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await image.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The QR image did not load.");
        }
    }

    [GeneratedRegex(@"^(09|10):\d\d$")]
    private static partial Regex Countdown();
}
