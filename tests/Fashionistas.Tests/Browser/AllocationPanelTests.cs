using System.Net.Http.Json;
using Fashionistas.Tests.Industry;
using Fashionistas.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashionistas.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AllocationPanelTests(ApiFactory api, BrowserFixture browser) : IClassFixture<ApiFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task WhatTheOrganizerTypedStaysWhenTheSponsorListArrivesLate()
    {
        var organizer = await SignedInUser.CreateAsync(api, "organizer", "Silvia Tcherassi");
        var show = await api.CreateOnSaleEventAsync(organizer.User, tierCapacities: 10);
        var sponsor = await api.SponsorAsync(organizer.User, "Aguardiente Antioqueño");
        await api.SendAsync(organizer.User.Token, HttpMethod.Put, $"/api/events/{show.Id}/sponsors/{sponsor}", new { tier = "gold", contribution = 1 });
        await using var desk = await browser.OpenAsync(api.BaseAddress, organizer);
        var page = desk.Page;
        var lineupAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lineupMayAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/api/events/*/lineup", async route =>
        {
            lineupAsked.TrySetResult();
            await lineupMayAnswer.Task;
            await route.ContinueAsync();
        });

        await page.GotoAsync($"/dashboard.html?id={show.Id}");
        await lineupAsked.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await page.GetByLabel("Nombre del cupo").FillAsync("Prensa Vogue");
        await page.GetByLabel("Boletas apartadas").FillAsync("4");
        lineupMayAnswer.SetResult();
        await Expect(page.GetByLabel("Patrocinador").Locator("option", new() { HasText = "Aguardiente Antioqueño" })).ToHaveCountAsync(1);

        await Expect(page.GetByLabel("Nombre del cupo")).ToHaveValueAsync("Prensa Vogue");
        await Expect(page.GetByLabel("Boletas apartadas")).ToHaveValueAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reservar" }).ClickAsync();
        await Expect(page.Locator("#allocation-status")).ToHaveTextAsync("Cupo «Prensa Vogue» reservado: 4 boletas.");
    }

    [Fact]
    public async Task AnOrganizerReservesSeatsWatchesTheirUseIssuesACompAndReleasesTheRest()
    {
        var organizer = await SignedInUser.CreateAsync(api, "organizer", "Silvia Tcherassi");
        var show = await api.CreateOnSaleEventAsync(organizer.User, tierCapacities: 10);
        await using var desk = await browser.OpenAsync(api.BaseAddress, organizer);
        var page = desk.Page;

        await page.GotoAsync($"/dashboard.html?id={show.Id}");
        await Expect(page.Locator("#stat-available")).ToHaveTextAsync("10");
        await Expect(page.Locator("#allocation-list")).ToContainTextAsync("Aún no hay cupos reservados.");
        await page.GetByLabel("Nombre del cupo").FillAsync("Prensa Vogue");
        await page.GetByLabel("Para", new() { Exact = true }).SelectOptionAsync("press");
        await page.GetByLabel("Boletas apartadas").FillAsync("4");
        await page.GetByLabel("Código (opcional)").FillAsync("VOGUE-26");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reservar" }).ClickAsync();

        await Expect(page.Locator("#allocation-status")).ToHaveTextAsync("Cupo «Prensa Vogue» reservado: 4 boletas.");
        var row = page.Locator("#allocation-list tbody tr");
        await Expect(row).ToContainTextAsync("Prensa · VOGUE-26");
        await Expect(row.Locator(".remaining")).ToHaveTextAsync("4");
        await Expect(page.Locator("#stat-available")).ToHaveTextAsync("6");

        // A code holder's hold shows on the panel without a reload: the tier's push refreshes the allocations.
        var holder = await api.CreateUserAsync();
        using (var client = api.Client(holder.Token))
        using (var hold = await client.PostAsJsonAsync($"/api/ticket-types/{show.TicketTypeIds[0]}/holds", new { quantity = 1, code = "vogue-26" }))
        {
            hold.EnsureSuccessStatusCode();
        }

        await Expect(row.Locator(".held")).ToHaveTextAsync("1");
        await Expect(row.Locator(".remaining")).ToHaveTextAsync("3");

        await row.GetByRole(AriaRole.Button, new() { Name = "Emitir cortesía" }).ClickAsync();
        await page.GetByLabel("Nombre en la boleta").FillAsync("Anna Wintour");
        await page.GetByLabel("Correo del invitado").FillAsync("no-es-un-correo");
        await page.Locator("#allocation-issue").GetByRole(AriaRole.Button, new() { Name = "Emitir cortesía" }).ClickAsync();
        await Expect(page.Locator("#comp-email-error")).ToHaveTextAsync("email is not a valid address.");
        await page.GetByLabel("Correo del invitado").FillAsync($"anna-{Guid.NewGuid():N}@vogue.test");
        await page.Locator("#allocation-issue").GetByRole(AriaRole.Button, new() { Name = "Emitir cortesía" }).ClickAsync();
        await Expect(page.Locator("#allocation-status")).ToContainTextAsync("Boleta de cortesía emitida a Anna Wintour");
        await Expect(row.Locator(".sold")).ToHaveTextAsync("1");
        await Expect(row.Locator(".remaining")).ToHaveTextAsync("2");

        await row.GetByRole(AriaRole.Button, new() { Name = "Liberar al público" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Confirmar: liberar 2 boletas de «Prensa Vogue»" }).ClickAsync();
        await Expect(page.Locator("#allocation-status")).ToHaveTextAsync("2 boletas de «Prensa Vogue» volvieron a la venta pública.");
        await Expect(row).ToContainTextAsync("Liberado");
        await Expect(row.Locator(".remaining")).ToHaveTextAsync("0");
        await Expect(page.Locator("#stat-available")).ToHaveTextAsync("8");
        await desk.ScreenshotAsync("dashboard-allocations");
        desk.AssertNoConsoleErrors("status of 400");
    }
}
