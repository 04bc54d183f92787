using Fashionistas.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashionistas.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DashboardOrdersTests(ApiFactory api, BrowserFixture browser) : IClassFixture<ApiFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnOrganizerFindsAnOrderAndRefundsItAndTheSeatsGoBackOnSale()
    {
        var organizer = await SignedInUser.CreateAsync(api, "organizer", "Carolina Herrera Ruiz");
        var show = await api.CreateOnSaleEventAsync(organizer.User, tierCapacities: 10);
        var camila = await api.CreateUserAsync(name: "Camila Ortiz");
        var pedro = await api.CreateUserAsync(name: "Pedro Gil");
        await Purchases.BuyAsync(api, camila, show.TicketTypeIds[0], 3);
        await Purchases.BuyAsync(api, pedro, show.TicketTypeIds[0], 1);
        await using var desk = await browser.OpenAsync(api.BaseAddress, organizer);
        var page = desk.Page;

        await page.GotoAsync($"/dashboard.html?id={show.Id}");
        await Expect(page.Locator("#stat-available")).ToHaveTextAsync("6");
        await Expect(page.Locator("#orders-pages")).ToContainTextAsync("Total: 2");
        await page.GetByLabel("Comprador (correo o nombre)").FillAsync("camila");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrar" }).ClickAsync();
        await Expect(page.Locator("#orders-pages")).ToContainTextAsync("Total: 1");
        var row = page.Locator("#orders-list tbody tr");
        await Expect(row).ToContainTextAsync("Camila Ortiz");
        await Expect(row).ToContainTextAsync("3 de 3 válidas");
        await row.GetByRole(AriaRole.Button, new() { Name = "Reembolsar" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Reembolsar $ 300.000" }).ClickAsync();
        await Expect(row.Locator(".form-error")).ToHaveTextAsync("Escribe el motivo del reembolso.");
        await row.GetByLabel("Motivo del reembolso").FillAsync("Cambio de fecha");
        await row.GetByRole(AriaRole.Button, new() { Name = "Reembolsar $ 300.000" }).ClickAsync();

        await Expect(page.Locator("#orders-status-line")).ToContainTextAsync("Pedido de Camila Ortiz reembolsado");
        await Expect(row).ToContainTextAsync("Reembolsada");
        await Expect(row).ToContainTextAsync("0 de 3 válidas");
        await Expect(page.Locator("#stat-available")).ToHaveTextAsync("9");
        await desk.ScreenshotAsync("dashboard-orders-refunded");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Descargar lista de asistentes (CSV)" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("nombre,correo,boleta,codigo,pedido,ingreso,asistente,documento", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("Pedro Gil", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Camila Ortiz", csv, StringComparison.Ordinal);
        desk.AssertNoConsoleErrors();
    }
}
