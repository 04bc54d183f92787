using System.Text.RegularExpressions;
using Fashionistas.Tests.Checkout;
using Fashionistas.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashionistas.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class WaitlistPageTests(ApiFactory api, BrowserFixture browser) : IClassFixture<ApiFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ASignedInUserJoinsTheWaitlistOfASoldOutTierSeesTheirPlaceAndLeaves()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 1);
        await new CheckoutDriver(api).HoldAsync(await api.CreateUserAsync(), show.TicketTypeIds[0], 1);
        await using var fan = await browser.OpenAsync(api.BaseAddress, await SignedInUser.CreateAsync(api));
        var page = fan.Page;

        await page.GotoAsync($"/event.html?id={show.Id}");
        var tier = page.Locator($"[data-tier-id='{show.TicketTypeIds[0]}']");
        await tier.GetByRole(AriaRole.Button, new() { Name = "Unirme a la lista de espera" }).ClickAsync();

        await Expect(tier).ToContainTextAsync("Estás en la lista de espera (puesto 1).");
        await fan.ScreenshotAsync("event-waitlist-joined");

        await page.GotoAsync("/tickets.html");
        await Expect(page.Locator("#waitlist")).ToContainTextAsync("Puesto 1");
        await Expect(page.Locator("#waitlist")).ToContainTextAsync("Tier 1");

        await page.GotoAsync($"/event.html?id={show.Id}");
        await Expect(tier).ToContainTextAsync("puesto 1");
        await tier.GetByRole(AriaRole.Button, new() { Name = "Salir de la lista" }).ClickAsync();
        await Expect(tier.GetByRole(AriaRole.Button, new() { Name = "Unirme a la lista de espera" })).ToBeVisibleAsync();

        fan.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task TheOrganizersDashboardShowsHowManyWaitForEachTier()
    {
        var organizer = await SignedInUser.CreateAsync(api, "organizer");
        var show = await api.CreateOnSaleEventAsync(organizer.User, tierCapacities: [1, 5]);
        await new CheckoutDriver(api).HoldAsync(await api.CreateUserAsync(), show.TicketTypeIds[0], 1);
        var waitlist = new Waitlist.WaitlistCalls(api);
        await waitlist.JoinedPositionAsync(await api.CreateUserAsync(), show.TicketTypeIds[0]);
        await waitlist.JoinedPositionAsync(await api.CreateUserAsync(), show.TicketTypeIds[0]);
        await using var desk = await browser.OpenAsync(api.BaseAddress, organizer);
        var page = desk.Page;

        await page.GotoAsync($"/dashboard.html?id={show.Id}");

        var soldOut = page.Locator($"#tier-table [data-tier-id='{show.TicketTypeIds[0]}'] .waitlist-count");
        await Expect(soldOut).ToHaveTextAsync("2 esperando · 0 avisados");
        await Expect(page.Locator($"#tier-table [data-tier-id='{show.TicketTypeIds[1]}'] .waitlist-count")).ToHaveTextAsync("—");
        desk.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task AVisitorIsAskedToSignInToJoinTheWaitlist()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 1);
        await new CheckoutDriver(api).HoldAsync(await api.CreateUserAsync(), show.TicketTypeIds[0], 1);
        await using var visitor = await browser.OpenAsync(api.BaseAddress);
        var page = visitor.Page;

        await page.GotoAsync($"/event.html?id={show.Id}");
        await page.Locator($"[data-tier-id='{show.TicketTypeIds[0]}']")
            .GetByRole(AriaRole.Link, new() { Name = "Ingresa para unirte a la lista de espera" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/login\\.html"));
        visitor.AssertNoConsoleErrors();
    }
}
