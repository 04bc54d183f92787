using Fashionistas.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashionistas.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AccountPageTests(ApiFactory api, BrowserFixture browser) : IClassFixture<ApiFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ASignedInUserChangesTheirPasswordAfterOneWrongTry()
    {
        var me = await SignedInUser.CreateAsync(api, name: "Juliana Vélez");
        await using var session = await browser.OpenAsync(api.BaseAddress, me);
        var page = session.Page;

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mi cuenta" }).ClickAsync();
        await Expect(page.Locator("#profile")).ToContainTextAsync("Juliana Vélez");
        await Expect(page.Locator("#profile")).ToContainTextAsync("Asistente");
        await page.GetByLabel("Contraseña actual").FillAsync("no-es-la-clave");
        await page.GetByLabel("Contraseña nueva").FillAsync("Pasarela-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cambiar contraseña" }).ClickAsync();
        await Expect(page.Locator("#password-currentPassword-error")).ToHaveTextAsync("La contraseña actual no es correcta.");
        await page.GetByLabel("Contraseña actual").FillAsync(me.User.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cambiar contraseña" }).ClickAsync();

        await Expect(page.Locator("#password-ok")).ToHaveTextAsync("Listo: tu contraseña cambió. Se cerraron tus otras sesiones; úsala la próxima vez que ingreses.");
        Assert.NotEmpty(await api.LoginAsync(me.User.Email, "Pasarela-2026"));
        await session.ScreenshotAsync("account-password-changed");
        session.AssertNoConsoleErrors("/api/me/password");
    }
}
