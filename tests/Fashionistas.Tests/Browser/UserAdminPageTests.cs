using Dapper;
using Fashionistas.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashionistas.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class UserAdminPageTests(ApiFactory api, BrowserFixture browser) : IClassFixture<ApiFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnAdminFindsSomeoneByEmailAndMakesThemAnOrganizer()
    {
        var person = await api.CreateUserAsync(name: "Valentina Ríos");
        await using var desk = await browser.OpenAsync(api.BaseAddress, await SignedInUser.AdminAsync(api));
        var page = desk.Page;

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Usuarios" }).ClickAsync();
        await page.GetByLabel("Buscar por correo o nombre").FillAsync(person.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar" }).ClickAsync();
        var row = page.Locator($"tr[data-user-id='{person.Id}']");
        await Expect(row).ToContainTextAsync("Valentina Ríos");
        await Expect(page.Locator("#users-pages")).ToContainTextAsync("Total: 1");
        await row.GetByLabel("Organización").CheckAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Guardar roles" }).ClickAsync();
        await Expect(page.Locator("#users-status")).ToHaveTextAsync("Roles de Valentina Ríos guardados. Aplican de inmediato: debe volver a ingresar.");
        await desk.ScreenshotAsync("users-roles-saved");

        await using var connection = await api.Database.DataSource.OpenConnectionAsync();
        var roles = await connection.QueryAsync<string>("SELECT role FROM user_roles WHERE user_id = @id ORDER BY role", new { id = person.Id });
        Assert.Equal(["attendee", "organizer"], roles);
        desk.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task AnOrganizerIsToldThePageIsForAdmins()
    {
        await using var desk = await browser.OpenAsync(api.BaseAddress, await SignedInUser.CreateAsync(api, "organizer"));

        await desk.GotoAsync("/users.html");

        await Expect(desk.Page.Locator("main")).ToContainTextAsync("Esta página es para administradores.");
        await Expect(desk.Page.GetByRole(AriaRole.Link, new() { Name = "Usuarios" })).ToHaveCountAsync(0);
        desk.AssertNoConsoleErrors();
    }
}
