using Fashionistas.Tests.Accounts;
using Fashionistas.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashionistas.Tests.Browser;

/// <summary>Forgot password, reset, e-mail verification, phone and WhatsApp preferences, and the admins' sent messages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountMessagesPageTests(AccountsApiFactory api, BrowserFixture browser)
    : IClassFixture<AccountsApiFactory>, IClassFixture<BrowserFixture>
{
    private readonly AccountCalls calls = new(api);

    [Fact]
    public async Task AForgottenPasswordIsResetThroughTheEmailedLinkOnAPhone()
    {
        var user = await calls.RegisterAsync("Daniela");
        await using var session = await browser.OpenAsync(api.BaseAddress, phone: true);
        var page = session.Page;

        await page.GotoAsync("/login.html");
        await page.GetByRole(AriaRole.Link, new() { Name = "¿Olvidaste tu contraseña?" }).ClickAsync();
        await page.GetByLabel("Correo electrónico").FillAsync(user.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar enlace" }).ClickAsync();
        await Expect(page.Locator("#forgot-sent")).ToContainTextAsync("Si hay una cuenta con ese correo");
        await session.ScreenshotAsync("forgot-password-phone");

        var token = Assert.Single(await calls.LinkTokensAsync(user.Email, "password_reset"));
        await page.GotoAsync($"/reset.html?token={token}");
        await page.GetByLabel("Contraseña nueva").FillAsync("Pasarela-nueva-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar contraseña" }).ClickAsync();
        await Expect(page.Locator("#reset-result")).ToContainTextAsync("Listo: tu contraseña cambió.");
        await session.ScreenshotAsync("reset-password-phone");
        Assert.NotEmpty(await api.LoginAsync(user.Email, "Pasarela-nueva-2026"));

        // The same link again: used up.
        await page.GotoAsync($"/reset.html?token={token}");
        await page.GetByLabel("Contraseña nueva").FillAsync("Otra-clave-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar contraseña" }).ClickAsync();
        await Expect(page.Locator("#reset-result")).ToContainTextAsync("Este enlace ya no sirve");
        session.AssertNoConsoleErrors("status of 400");
    }

    [Fact]
    public async Task ANewAccountConfirmsItsEmailThenSetsItsPhoneForWhatsAppAndOptsOutInOneClick()
    {
        var me = await SignedInUser.CreateAsync(api, name: "Sofía");
        await using var session = await browser.OpenAsync(api.BaseAddress, me);
        var page = session.Page;

        await page.GotoAsync("/account.html");
        await Expect(page.Locator("#email-unverified")).ToContainTextAsync("aún no está confirmado");
        var token = Assert.Single(await calls.LinkTokensAsync(me.User.Email, "email_verification"));
        await page.GotoAsync($"/verify.html?token={token}");
        await Expect(page.Locator("#verify-result")).ToContainTextAsync("Tu correo quedó confirmado");
        await session.ScreenshotAsync("verify-email");

        await page.GotoAsync("/account.html");
        await Expect(page.Locator("#email-verified")).ToHaveTextAsync("Tu correo está confirmado.");
        await page.GetByLabel("Celular").FillAsync("300 123 4567");
        await page.GetByLabel("Quiero recibir avisos por WhatsApp").CheckAsync();
        await page.GetByLabel("Idioma de los correos y mensajes").SelectOptionAsync("en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar preferencias" }).ClickAsync();
        await Expect(page.Locator("#contact-ok")).ToHaveTextAsync("Preferencias guardadas.");
        await Expect(page.GetByLabel("Celular")).ToHaveValueAsync("+573001234567");
        await session.ScreenshotAsync("account-preferences");

        await page.GetByRole(AriaRole.Button, new() { Name = "Dejar de recibir WhatsApp" }).ClickAsync();
        await Expect(page.Locator("#contact-ok")).ToHaveTextAsync("Listo: no te escribiremos más por WhatsApp.");
        await Expect(page.GetByLabel("Quiero recibir avisos por WhatsApp")).Not.ToBeCheckedAsync();
        Assert.Equal(0, await calls.CountAsync("SELECT count(*) FROM users WHERE id = $1 AND whatsapp_opt_in", me.User.Id));
        Assert.Equal(1, await calls.CountAsync("SELECT count(*) FROM users WHERE id = $1 AND language = 'en'", me.User.Id));

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("#contact-heading")).ToHaveTextAsync("Phone and notices");
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task AdminsSeeTheMessagesThatWouldHaveGoneOut()
    {
        var someone = await calls.RegisterAsync("Lucía");
        await calls.LinkTokensAsync(someone.Email, "email_verification");
        var admin = await SignedInUser.AdminAsync(api);
        await using var session = await browser.OpenAsync(api.BaseAddress, admin);
        var page = session.Page;

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mensajes" }).ClickAsync();
        var row = page.Locator("#messages tr", new() { HasText = someone.Email });
        await Expect(row).ToContainTextAsync("Confirma tu correo en Fashionistas");
        await Expect(row).ToContainTextAsync("Guardado (sin servicio)");
        await Expect(row).ToContainTextAsync("Confirma que este correo es tuyo");
        await session.ScreenshotAsync("admin-sent-messages");
        session.AssertNoConsoleErrors();
    }
}
