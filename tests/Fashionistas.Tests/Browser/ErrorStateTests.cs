using Fashionistas.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashionistas.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ErrorStateTests(ApiFactory api, BrowserFixture browser) : IClassFixture<ApiFactory>, IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(503, "mucha demanda")]
    [InlineData(429, "Demasiadas solicitudes")]
    public async Task ABusyAnswerIsRetriedAfterItsRetryAfterAndTheHoldGoesThrough(int status, string notice)
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        await using var buyer = await browser.OpenAsync(api.BaseAddress, await SignedInUser.CreateAsync(api));
        var page = buyer.Page;
        var busyAnswers = 0;
        await page.RouteAsync("**/api/ticket-types/*/holds", async route =>
        {
            if (Interlocked.Increment(ref busyAnswers) == 1)
            {
                await route.FulfillAsync(new RouteFulfillOptions
                {
                    Status = status,
                    Headers = new Dictionary<string, string> { ["Retry-After"] = "1" },
                    ContentType = "application/problem+json",
                    Body = $$"""{"title":"Busy.","status":{{status}}}""",
                });
                return;
            }

            await route.ContinueAsync();
        });

        await page.GotoAsync($"/event.html?id={show.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apartar" }).ClickAsync();

        await Expect(page.Locator("#notice")).ToContainTextAsync(notice);
        await Expect(page.Locator("#hold")).ToContainTextAsync("Tus boletas están apartadas");
        await Expect(page.Locator("#notice")).ToBeHiddenAsync();
        Assert.Equal(2, busyAnswers);
        buyer.AssertNoConsoleErrors($"status of {status}");
    }

    [Fact]
    public async Task WhenTheServerCannotBeReachedTheListSaysSoAndRetryingLoadsIt()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        await using var visitor = await browser.OpenAsync(api.BaseAddress);
        var page = visitor.Page;
        await page.RouteAsync("**/api/events?*", route => route.AbortAsync("internetdisconnected"));

        await page.GotoAsync("/");

        await Expect(page.Locator("#events [role=alert]")).ToContainTextAsync("No hay conexión con el servidor");
        await visitor.ScreenshotAsync("events-offline");
        await page.UnrouteAllAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reintentar" }).ClickAsync();
        await Expect(page.Locator($"[data-event-id='{show.Id}']")).ToBeVisibleAsync();
        visitor.AssertNoConsoleErrors("net::ERR_INTERNET_DISCONNECTED");
    }

    [Fact]
    public async Task ASoldOutAnswerExplainsHowManySeatsAreLeft()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 2);
        await using var buyer = await browser.OpenAsync(api.BaseAddress, await SignedInUser.CreateAsync(api));
        var page = buyer.Page;
        await page.GotoAsync($"/event.html?id={show.Id}");
        var tier = page.Locator($"[data-tier-id='{show.TicketTypeIds[0]}']");
        await Expect(tier).ToContainTextAsync("Quedan 2 de 2");

        // Someone else takes a seat; this buyer asks for two anyway (as a page that missed the update would).
        using (var other = api.Client((await api.CreateUserAsync()).Token))
        {
            using var held = await other.PostAsync($"/api/ticket-types/{show.TicketTypeIds[0]}/holds",
                System.Net.Http.Json.JsonContent.Create(new { quantity = 1 }));
            held.EnsureSuccessStatusCode();
        }

        await Expect(tier).ToContainTextAsync("Quedan 1 de 2");
        await tier.GetByLabel("Cantidad").EvaluateAsync("input => { input.max = '2'; input.value = '2'; }");
        await tier.GetByRole(AriaRole.Button, new() { Name = "Apartar" }).ClickAsync();

        await Expect(tier.Locator("[data-part=error]")).ToContainTextAsync("Ya no hay suficientes boletas: quedan 1.");
        buyer.AssertNoConsoleErrors("status of 409");
    }
}
