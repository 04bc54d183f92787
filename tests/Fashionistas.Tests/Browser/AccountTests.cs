using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Fashionistas.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashionistas.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AccountTests(ApiFactory api, BrowserFixture browser) : IClassFixture<ApiFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AWrongPasswordIsExplainedAndTheRightOneLeadsBackToThePageThatAskedForIt()
    {
        var user = await api.CreateUserAsync(name: "Mariana");
        await using var visitor = await browser.OpenAsync(api.BaseAddress);
        var page = visitor.Page;

        await page.GotoAsync("/tickets.html");
        await page.WaitForURLAsync(new Regex(@"/login\.html\?next=%2Ftickets\.html"));
        var signIn = page.GetByRole(AriaRole.Tabpanel, new() { Name = "Ingresar" });
        await signIn.GetByLabel("Correo electrónico").FillAsync(user.Email);
        await signIn.GetByLabel("Contraseña").FillAsync("not-the-password");
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Ingresar" }).ClickAsync();
        await Expect(page.Locator("#signin-error")).ToHaveTextAsync("El correo o la contraseña no coinciden.");

        await signIn.GetByLabel("Contraseña").FillAsync(user.Password);
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Ingresar" }).ClickAsync();

        await page.WaitForURLAsync(new Regex(@"/tickets\.html$"));
        await Expect(page.Locator("#tickets")).ToContainTextAsync("Todavía no tienes boletas.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Salir" })).ToBeVisibleAsync();
        visitor.AssertNoConsoleErrors("status of 401");
    }

    [Fact]
    public async Task ATicketIsTransferredFromMyTicketsToAnotherAccount()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var owner = await SignedInUser.CreateAsync(api, name: "Sofía");
        var friend = await SignedInUser.CreateAsync(api, name: "Lucía");
        await Purchases.BuyAsync(api, owner.User, show.TicketTypeIds[0], 2);
        await using var mine = await browser.OpenAsync(api.BaseAddress, owner);
        var page = mine.Page;

        await page.GotoAsync("/tickets.html");
        await Expect(page.Locator("#tickets article.ticket")).ToHaveCountAsync(2);
        var first = page.Locator("#tickets article.ticket").First;
        await first.GetByText("Transferir a otra persona").ClickAsync();
        await first.GetByLabel("Correo de quien recibe").FillAsync(friend.User.Email);
        await first.GetByRole(AriaRole.Button, new() { Name = "Transferir" }).ClickAsync();

        await Expect(first).ToContainTextAsync($"Boleta transferida a {friend.User.Email}.");
        await Expect(page.Locator("#tickets article.ticket")).ToHaveCountAsync(1);
        mine.AssertNoConsoleErrors();

        await using var theirs = await browser.OpenAsync(api.BaseAddress, friend);
        await theirs.GotoAsync("/tickets.html");
        await Expect(theirs.Page.Locator("#tickets article.ticket")).ToHaveCountAsync(1);
        await BuyingTests.ExpectImagesLoadedAsync(theirs.Page.Locator("#tickets img.qr"));
        theirs.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task AnOrderAwaitingPaymentIsCancelledFromMyOrdersAndItsSeatsAreFreedAtOnce()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var declined = await new Checkout.CheckoutDriver(api).RegisterAsync($"ana+decline-{Guid.NewGuid():N}@fashionistas.test");
        var orderId = await Purchases.DeclinedOrderAsync(api, declined, show.TicketTypeIds[0], 2);
        await using var mine = await browser.OpenAsync(api.BaseAddress, new SignedInUser(declined, "Ana Buyer", ["attendee"]));
        var page = mine.Page;

        await page.GotoAsync("/tickets.html");
        var row = page.Locator($"#orders tr[data-order-id='{orderId}']");
        await Expect(row).ToContainTextAsync("Pago fallido");
        await row.GetByRole(AriaRole.Button, new() { Name = "Cancelar pedido" }).ClickAsync();

        await Expect(row).ToContainTextAsync("Pedido cancelado.");
        await Expect(page.Locator($"#orders tr[data-order-id='{orderId}']")).ToContainTextAsync("Cancelada");
        await Expect(page.Locator($"#orders tr[data-order-id='{orderId}'] button")).ToHaveCountAsync(0);
        using var client = api.Client();
        var availability = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/events/{show.Id}/availability");
        Assert.Equal(10, availability.GetProperty("ticketTypes")[0].GetProperty("available").GetInt32());
        mine.AssertNoConsoleErrors();
    }
}
