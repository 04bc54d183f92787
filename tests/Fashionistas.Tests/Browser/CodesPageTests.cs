using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashionistas.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CodesPageTests(ApiFactory api, BrowserFixture browser) : IClassFixture<ApiFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnOrganizerCreatesACodeAndABuyerAppliesItOnTheEventPage()
    {
        var organizer = await SignedInUser.CreateAsync(api, "organizer");
        var show = await api.CreateOnSaleEventAsync(organizer.User, eventCapacity: 100, tierCapacities: 20);
        Guid backstage;
        using (var owner = api.Client(organizer.User.Token))
        using (var added = await owner.PostAsJsonAsync($"/api/events/{show.Id}/ticket-types",
            new { name = "Backstage", price = 300_000, capacity = 5, hidden = true }))
        {
            added.EnsureSuccessStatusCode();
            backstage = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        await using var office = await browser.OpenAsync(api.BaseAddress, organizer);
        var codesPage = office.Page;
        await codesPage.GotoAsync($"/dashboard.html?id={show.Id}");
        await codesPage.GetByRole(AriaRole.Link, new() { Name = "Códigos" }).ClickAsync();
        await codesPage.Locator("#code-code").FillAsync("Disenadora20");
        await codesPage.Locator("#code-kind").SelectOptionAsync("percent");
        await codesPage.Locator("#code-value").FillAsync("20");
        await codesPage.Locator($"#code-tier-{show.TicketTypeIds[0]}").CheckAsync();
        await codesPage.Locator($"#code-tier-{backstage}").CheckAsync();
        await codesPage.Locator("#code-maxUses").FillAsync("5");
        await codesPage.GetByRole(AriaRole.Button, new() { Name = "Crear código" }).ClickAsync();
        var row = codesPage.Locator("[data-code='Disenadora20']");
        await Expect(row.Locator("[data-part='uses']")).ToHaveTextAsync("0 / 5");
        await office.ScreenshotAsync("codes-organizer");

        await using var visitor = await browser.OpenAsync(api.BaseAddress, await SignedInUser.CreateAsync(api), phone: true);
        var page = visitor.Page;
        await page.GotoAsync($"/event.html?id={show.Id}");
        var publicTier = page.Locator($"[data-tier-id='{show.TicketTypeIds[0]}']");
        await Expect(publicTier).ToContainTextAsync("Quedan 20 de 20");
        await Expect(page.Locator($"[data-tier-id='{backstage}']")).ToHaveCountAsync(0);

        await page.GetByLabel("Código promocional o de preventa").FillAsync("DISENADORA20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aplicar" }).ClickAsync();
        await Expect(page.Locator("#code-message")).ToContainTextAsync("Código Disenadora20 aplicado");
        await Expect(publicTier.Locator("[data-part='code-price']")).ToContainTextAsync("80.000");
        var hidden = page.Locator($"[data-tier-id='{backstage}']");
        await Expect(hidden).ToContainTextAsync("Backstage");
        await Expect(hidden.Locator("[data-part='code-price']")).ToContainTextAsync("240.000");
        await visitor.ScreenshotAsync("event-code-phone");

        await hidden.GetByRole(AriaRole.Button, new() { Name = "Apartar" }).ClickAsync();
        await Expect(page.Locator("#hold")).ToContainTextAsync("Tus boletas están apartadas");
        await Expect(page.Locator("#hold-total")).ToContainTextAsync("240.000");

        // The organizer's list follows the code's use live.
        await Expect(row.Locator("[data-part='uses']")).ToHaveTextAsync("1 / 5");
        visitor.AssertNoConsoleErrors();
        office.AssertNoConsoleErrors();
    }
}
