using System.Text.RegularExpressions;
using Fashionistas.Tests.Waitlist;
using Fashionistas.Tests.WaitingRoom;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashionistas.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class WaitingRoomPageTests(WaitingRoomApiFactory api, BrowserFixture browser)
    : IClassFixture<WaitingRoomApiFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ABuyerIsSentToTheQueueWaitsSeesTheirPlaceMoveLiveAndIsAdmittedToBuy()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 50);
        var calls = new WaitingRoomCalls(api);
        await calls.ConfigureAsync(organizer, show.Id, DateTimeOffset.UtcNow.AddMinutes(-1), perMinute: 600);
        Assert.Equal(System.Net.HttpStatusCode.OK, await calls.PostAsync(organizer, $"/api/events/{show.Id}/waiting-room/pause"));
        using (var client = calls.SharedClient())
        {
            foreach (var early in await BulkUsers.CreateAsync(api, 30))
            {
                await WaitingRoomCalls.JoinAsync(client, early, show.Id);
            }
        }

        await using var fan = await browser.OpenAsync(api.BaseAddress, await SignedInUser.CreateAsync(api), phone: true);
        var page = fan.Page;

        // Holding without a pass sends the buyer to the queue.
        await page.GotoAsync($"/event.html?id={show.Id}");
        await page.Locator($"[data-tier-id='{show.TicketTypeIds[0]}']").GetByRole(AriaRole.Button, new() { Name = "Apartar" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/queue\\.html\\?event={show.Id}"));
        await Expect(page.Locator("#queue-position")).ToHaveTextAsync("31");
        await Expect(page.Locator("#queue-ahead")).ToHaveTextAsync("30");
        await Expect(page.Locator("#queue-place")).ToContainTextAsync("El organizador pausó la entrada");
        await fan.ScreenshotAsync("queue-waiting-phone");

        // A reload keeps the place.
        await page.ReloadAsync();
        await Expect(page.Locator("#queue-position")).ToHaveTextAsync("31");

        // Admission resumes: the page follows live and lets the buyer in.
        Assert.Equal(System.Net.HttpStatusCode.OK, await calls.PostAsync(organizer, $"/api/events/{show.Id}/waiting-room/resume"));
        await Expect(page.Locator("#queue-admitted")).ToHaveTextAsync("¡Es tu turno!");
        await fan.ScreenshotAsync("queue-admitted-phone");

        await page.Locator("#queue-buy").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/event\\.html\\?id={show.Id}"));
        await page.Locator($"[data-tier-id='{show.TicketTypeIds[0]}']").GetByRole(AriaRole.Button, new() { Name = "Apartar" }).ClickAsync();
        await Expect(page.Locator("#hold")).ToContainTextAsync("Tus boletas están apartadas");

        fan.AssertNoConsoleErrors("status of 403");
    }

    [Fact]
    public async Task TheOrganizerSwitchesTheRoomOnAndPausesItFromTheDashboard()
    {
        var organizer = await SignedInUser.CreateAsync(api, "organizer");
        var show = await api.CreateOnSaleEventAsync(organizer.User, tierCapacities: 10);
        await using var desk = await browser.OpenAsync(api.BaseAddress, organizer);
        var page = desk.Page;

        await page.GotoAsync($"/dashboard.html?id={show.Id}");
        await Expect(page.Locator("#room-status")).ToHaveTextAsync("Sin fila virtual: las boletas se venden directamente.");
        await page.Locator("#room-admissionPerMinute").FillAsync("120");
        await page.Locator("#room-form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#room-waiting")).ToHaveTextAsync("0");

        await page.Locator("#room-toggle").ClickAsync();
        await Expect(page.Locator("#room-status")).ToHaveTextAsync("Entrada en pausa");
        var room = await new WaitingRoomCalls(api).OrganizerViewAsync(organizer.User, show.Id);
        Assert.True(room.GetProperty("enabled").GetBoolean());
        Assert.True(room.GetProperty("paused").GetBoolean());
        desk.AssertNoConsoleErrors();
    }
}
