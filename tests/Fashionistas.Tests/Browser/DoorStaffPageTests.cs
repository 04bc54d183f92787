using Fashionistas.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashionistas.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DoorStaffPageTests(ApiFactory api, BrowserFixture browser) : IClassFixture<ApiFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnOrganizerAddsDoorStaffWhoFindTheirDoorAndAdmitATicket()
    {
        var organizer = await SignedInUser.CreateAsync(api, "organizer");
        var show = await api.CreateOnSaleEventAsync(organizer.User, tierCapacities: 10);
        var doorman = await SignedInUser.CreateAsync(api, name: "Mateo Portero");
        var stranger = await SignedInUser.CreateAsync(api, name: "Curioso");
        var codes = await Purchases.BuyAsync(api, await api.CreateUserAsync(name: "Valeria Soto"), show.TicketTypeIds[0]);
        await using (var desk = await browser.OpenAsync(api.BaseAddress, organizer))
        {
            await desk.GotoAsync($"/dashboard.html?id={show.Id}");
            await Expect(desk.Page.Locator("#staff-list")).ToContainTextAsync("Aún no hay personal de entrada");
            await desk.Page.GetByLabel("Correo de la persona").FillAsync(doorman.User.Email);
            await desk.Page.GetByRole(AriaRole.Button, new() { Name = "Agregar", Exact = true }).ClickAsync();
            await Expect(desk.Page.Locator("#staff-status")).ToHaveTextAsync("Mateo Portero ya puede validar boletas en la entrada.");
            await Expect(desk.Page.Locator("#staff-list")).ToContainTextAsync(doorman.User.Email);
            desk.AssertNoConsoleErrors();
        }

        await using var door = await browser.OpenAsync(api.BaseAddress, doorman, phone: true);
        await door.GotoAsync("/account.html");
        await door.Page.GetByRole(AriaRole.Link, new() { Name = "Abrir la entrada" }).ClickAsync();
        await door.Page.GetByLabel("Código de la boleta").FillAsync(codes[0]);
        await door.Page.GetByRole(AriaRole.Button, new() { Name = "Validar" }).ClickAsync();
        await Expect(door.Page.Locator("#verdict")).ToContainTextAsync("ADMITIDO");
        await Expect(door.Page.Locator("#verdict")).ToContainTextAsync("Valeria Soto");
        await door.ScreenshotAsync("door-staff-admitted");
        door.AssertNoConsoleErrors();

        await using var nosy = await browser.OpenAsync(api.BaseAddress, stranger);
        await nosy.GotoAsync($"/checkin.html?id={show.Id}");
        await Expect(nosy.Page.Locator("#door-head")).ToContainTextAsync("No estás en el personal de entrada de este evento.");
        await Expect(nosy.Page.Locator("#checkin-form")).ToBeHiddenAsync();
        nosy.AssertNoConsoleErrors("status of 403");
    }
}
