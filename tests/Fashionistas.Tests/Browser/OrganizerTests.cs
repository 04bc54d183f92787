using System.Globalization;
using Fashionistas.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashionistas.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class OrganizerTests(ApiFactory api, BrowserFixture browser) : IClassFixture<ApiFactory>, IClassFixture<BrowserFixture>
{
    /// <summary>Bogotá is UTC-5 all year; the forms take Bogotá wall-clock times.</summary>
    private static string InBogota(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(-5)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task AnOrganizerCreatesAnEventWithATierAndAnAdminPublishesItForSale()
    {
        var organizer = await SignedInUser.CreateAsync(api, "organizer", "Daniela Moda");
        var starts = DateTimeOffset.UtcNow.AddDays(30);
        await using var desk = await browser.OpenAsync(api.BaseAddress, organizer);
        var page = desk.Page;

        await page.GotoAsync("/organizer.html");
        var create = page.Locator("#create-form");
        await create.GetByLabel("Nombre del evento").FillAsync("Noche de Diseño Caribe");
        await create.GetByLabel("Lugar").FillAsync("Castillo San Felipe, Cartagena");
        await create.GetByLabel("Empieza").FillAsync(InBogota(starts));
        await create.GetByLabel("Termina").FillAsync(InBogota(starts.AddHours(4)));
        await create.GetByLabel("Capacidad").FillAsync("300");
        await create.GetByLabel("Descripción").FillAsync("Colecciones de diseñadores del Caribe colombiano.");
        await desk.ScreenshotAsync("organizer-create");
        await create.GetByRole(AriaRole.Button, new() { Name = "Crear borrador" }).ClickAsync();

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/dashboard\\.html\\?id="));
        await Expect(page.Locator("#event-status")).ToHaveTextAsync("Borrador");
        var tier = page.Locator("#tier-form");
        await tier.GetByLabel("Nombre de la boleta").FillAsync("Platea");
        await tier.GetByLabel("Precio", new() { Exact = true }).FillAsync("180000");
        await tier.GetByLabel("Capacidad").FillAsync("200");
        await tier.GetByLabel("Máximo por comprador").FillAsync("6");
        await tier.GetByLabel("Venta desde").FillAsync(InBogota(DateTimeOffset.UtcNow.AddDays(-1)));
        await tier.GetByLabel("Precio de preventa").FillAsync("150000");
        await tier.GetByLabel("Preventa hasta").FillAsync(InBogota(DateTimeOffset.UtcNow.AddDays(10)));
        await tier.GetByLabel("Descuento de grupo desde (boletas)").FillAsync("4");
        await tier.GetByLabel("Descuento de grupo (%)").FillAsync("10");
        await tier.GetByRole(AriaRole.Button, new() { Name = "Agregar boleta" }).ClickAsync();
        await Expect(page.Locator("#tier-table")).ToContainTextAsync("Platea");
        await Expect(page.Locator("#tier-table")).ToContainTextAsync("180.000");
        await page.Locator("#tier-table").GetByRole(AriaRole.Button, new() { Name = "Editar" }).ClickAsync();
        await tier.GetByLabel("Capacidad").FillAsync("250");
        await tier.GetByRole(AriaRole.Button, new() { Name = "Guardar boleta" }).ClickAsync();
        await Expect(page.Locator("#tier-ok")).ToHaveTextAsync("Boleta «Platea» guardada.");
        await Expect(page.Locator("#tier-table")).ToContainTextAsync("250");

        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar a revisión" }).ClickAsync();
        await Expect(page.Locator("#event-status")).ToHaveTextAsync("En revisión");
        await Expect(page.Locator("#status-actions")).ToContainTextAsync("Esperando la aprobación");
        var eventId = new Uri(page.Url).Query.Split('=')[1];
        desk.AssertNoConsoleErrors();

        await using var admin = await browser.OpenAsync(api.BaseAddress, await SignedInUser.AdminAsync(api));
        await admin.GotoAsync($"/dashboard.html?id={eventId}");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Publicar" }).ClickAsync();
        await Expect(admin.Page.Locator("#event-status")).ToHaveTextAsync("Próximamente");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Abrir ventas" }).ClickAsync();
        await Expect(admin.Page.Locator("#event-status")).ToHaveTextAsync("En venta");
        await admin.ScreenshotAsync("dashboard-on-sale");
        admin.AssertNoConsoleErrors();

        // The public page shows the early-bird price over the crossed-out list price, and the group discount.
        await using var visitor = await browser.OpenAsync(api.BaseAddress);
        await visitor.GotoAsync($"/event.html?id={eventId}");
        var card = visitor.Page.Locator("article.tier");
        await Expect(card.Locator(".tier-price s")).ToContainTextAsync("180.000");
        await Expect(card.Locator(".tier-price .now")).ToContainTextAsync("150.000");
        await Expect(card).ToContainTextAsync("10% menos comprando 4 o más");
        await Expect(card).ToContainTextAsync("Quedan 250 de 250");
        await card.GetByLabel("Cantidad").FillAsync("4");
        await Expect(card.Locator("[data-part=preview]")).ToContainTextAsync("540.000");
        await visitor.ScreenshotAsync("event-early-bird");
        visitor.AssertNoConsoleErrors();
    }
}
