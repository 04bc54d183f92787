using System.Net;
using Fashionistas.Tests.Browser;
using Fashionistas.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashionistas.Tests.Industry;

/// <summary>Designers, models, sponsors and organizers doing their main task on their pages, in a real browser on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FashionPagesTests(IndustryApiFactory api, BrowserFixture browser)
    : IClassFixture<IndustryApiFactory>, IClassFixture<BrowserFixture>
{
    /// <summary>A real 1×1 PNG, so the browser can decode it.</summary>
    private static readonly byte[] Pixel =
        Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNg+M9QDwADgQF/e5IkGQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task ADesignerBuildsTheirProfileAndCollectionUploadsALookAndAppliesToAShowThatThenShowsIt()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var designer = await SignedInUser.CreateAsync(api, "designer", "Casa Luna");
        await using var studio = await browser.OpenAsync(api.BaseAddress, designer, phone: true);
        var page = studio.Page;
        var status = page.Locator("#studio-status");

        await studio.GotoAsync("/studio.html");
        await Expect(page.Locator("main")).ToContainTextAsync("Guarda primero el perfil de tu marca.");
        await page.GetByLabel("Nombre de la marca").FillAsync("Casa Luna");
        await page.GetByLabel("Ciudad").FillAsync("Cali");
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar perfil" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Perfil guardado.");

        await page.GetByLabel("Nombre de la colección").FillAsync("Pacífico");
        await page.GetByLabel("Piezas").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Crear colección" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Colección creada.");
        var card = page.Locator("section[data-collection-id]");
        await Expect(card).ToContainTextAsync("Pacífico");

        await card.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "look.png", MimeType = "image/png", Buffer = Pixel });
        await card.GetByLabel("Descripción (opcional)").FillAsync("Vestido de manglar");
        await card.GetByRole(AriaRole.Button, new() { Name = "Subir", Exact = true }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Look subido.");
        await Expect(card.Locator("figcaption")).ToHaveTextAsync("Vestido de manglar");

        await card.GetByLabel("Evento").SelectOptionAsync(show.Id.ToString());
        await card.GetByRole(AriaRole.Button, new() { Name = "Postular al desfile" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Postulación enviada: el organizador decide.");
        await Expect(page.Locator("#applications")).ToContainTextAsync("Postulada");
        var collection = Guid.Parse((await card.GetAttributeAsync("data-collection-id"))!);
        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/events/{show.Id}/collections/{collection}", expected: HttpStatusCode.NoContent);
        await page.ReloadAsync();
        await Expect(page.Locator("#applications")).ToContainTextAsync("Aceptada");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("#applications")).ToContainTextAsync("Accepted");
        await studio.ScreenshotAsync("designer-studio");
        studio.AssertNoConsoleErrors("404");

        await using var visitor = await browser.OpenAsync(api.BaseAddress, phone: true);
        await visitor.GotoAsync($"/event.html?id={show.Id}");
        var lineup = visitor.Page.Locator($"#lineup [data-collection-id='{collection}']");
        await Expect(lineup).ToContainTextAsync("Casa Luna");
        await Expect(lineup.Locator("img")).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await lineup.Locator("img").EvaluateAsync<int>("img => img.naturalWidth") > 0);
        await lineup.GetByRole(AriaRole.Link, new() { Name = "Casa Luna" }).ClickAsync();
        await Expect(visitor.Page.Locator("main h1")).ToHaveTextAsync("Casa Luna");
        await Expect(visitor.Page.Locator("#designer-shows")).ToContainTextAsync("Desfile de prueba · Pacífico");
        await visitor.ScreenshotAsync("designer-public-page");
        visitor.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task AModelAddsAPhotoAcceptsACastingAndTakesTheCallTimeHomeAsACalendar()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var model = await SignedInUser.CreateAsync(api, "model", "Valentina Ruiz");
        await api.SendAsync(model.User.Token, HttpMethod.Put, "/api/me/model", new { displayName = "Valentina Ruiz", heightCm = 176 });
        var callTime = DateTimeOffset.UtcNow.AddDays(29).AddHours(-4);
        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/events/{show.Id}/models/{model.User.Id}", new { callTime, note = "Entrada por la puerta 3" });
        await api.SendAsync(organizer.Token, HttpMethod.Post, $"/api/events/{show.Id}/backstage",
            new { kind = "rehearsal", title = "Ensayo general", startsAt = callTime.AddHours(1) }, HttpStatusCode.Created);
        await using var phone = await browser.OpenAsync(api.BaseAddress, model, phone: true);
        var page = phone.Page;

        await phone.GotoAsync("/model.html");
        var castings = page.Locator("#castings");
        await Expect(castings).ToContainTextAsync("Invitación pendiente");
        await Expect(castings).ToContainTextAsync("Llamado:");
        await Expect(castings).ToContainTextAsync("Entrada por la puerta 3");
        await page.Locator("#photo-file").SetInputFilesAsync(new FilePayload { Name = "book.png", MimeType = "image/png", Buffer = Pixel });
        await page.GetByRole(AriaRole.Button, new() { Name = "Subir", Exact = true }).ClickAsync();
        await Expect(page.Locator("#model-status")).ToHaveTextAsync("Foto subida.");
        await Expect(page.Locator("#photos img")).ToHaveCountAsync(1);
        await castings.GetByRole(AriaRole.Button, new() { Name = "Aceptar" }).ClickAsync();
        await Expect(page.Locator("#model-status")).ToHaveTextAsync("Aceptaste la invitación.");
        await Expect(castings).ToContainTextAsync("Aceptada");
        await phone.ScreenshotAsync("model-castings");

        await page.GetByRole(AriaRole.Link, new() { Name = "Mi agenda" }).ClickAsync();
        var agenda = page.Locator("#agenda");
        await Expect(agenda).ToContainTextAsync("Llamado: Entrada por la puerta 3");
        await Expect(agenda).ToContainTextAsync("Ensayo: Ensayo general");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Descargar calendario (.ics)" }).ClickAsync());
        var ics = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Equal("mi-agenda.ics", download.SuggestedFilename);
        Assert.Contains("SUMMARY:Llamado: Entrada por la puerta 3", ics, StringComparison.Ordinal);
        Assert.Contains($"DTSTART:{callTime.UtcDateTime:yyyyMMdd'T'HHmmss}Z", ics, StringComparison.Ordinal);
        Assert.Single((await api.GetAsync($"/api/events/{show.Id}/lineup")).GetProperty("models").EnumerateArray());
        phone.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task ASponsorSeesTheEventsTheySponsorWhatWasDeliveredAndHowOftenTheirBrandWasSeen()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var sponsor = await api.SponsorAsync(organizer, "Café de la Sierra");
        var member = await SignedInUser.CreateAsync(api, "sponsor", "Lucía Café");
        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/sponsors/{sponsor}/members/{member.User.Id}", expected: HttpStatusCode.NoContent);
        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/events/{show.Id}/sponsors/{sponsor}", new { tier = "title", contribution = 30_000_000 });
        var logo = (await api.SendAsync(organizer.Token, HttpMethod.Post, $"/api/events/{show.Id}/sponsors/{sponsor}/benefits",
            new { kind = "logo", description = "Logo en la pasarela" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await api.SendAsync(organizer.Token, HttpMethod.Post, $"/api/events/{show.Id}/sponsors/{sponsor}/benefits",
            new { kind = "activation", description = "Barra de café" }, HttpStatusCode.Created);
        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/events/{show.Id}/sponsors/{sponsor}/benefits/{logo}/delivered");
        await using (var visitor = await browser.OpenAsync(api.BaseAddress))
        {
            await visitor.GotoAsync($"/event.html?id={show.Id}");
            await Expect(visitor.Page.Locator($"#lineup [data-sponsor-id='{sponsor}']")).ToContainTextAsync("Café de la Sierra");
        }

        Assert.True(await Eventually.TrueAsync(
            async () => await api.ScalarAsync<long>("SELECT COALESCE(sum(views), 0)::bigint FROM sponsor_placement_views WHERE sponsor_id = $1", sponsor) == 1,
            TimeSpan.FromSeconds(10)));

        await using var desk = await browser.OpenAsync(api.BaseAddress, member, phone: true);
        await desk.GotoAsync("/");
        await desk.Page.GetByRole(AriaRole.Link, new() { Name = "Mi patrocinio" }).ClickAsync();
        await Expect(desk.Page.Locator("main h1")).ToHaveTextAsync("Café de la Sierra");
        var figures = desk.Page.Locator($"[data-event-id='{show.Id}']");
        await Expect(figures.Locator(".placement-views")).ToHaveTextAsync("1");
        await Expect(figures).ToContainTextAsync("Logo: Logo en la pasarela Entregado");
        await Expect(figures).ToContainTextAsync("Activación: Barra de café Pendiente");
        await desk.ScreenshotAsync("sponsor-figures");
        desk.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task AnOrganizerAcceptsADesignerCastsAModelSchedulesBackstageAndDeliversASponsorBenefitOnTheShowPage()
    {
        var organizer = await SignedInUser.CreateAsync(api, "organizer");
        var show = await api.CreateOnSaleEventAsync(organizer.User);
        var designer = await api.DesignerAsync("Bordados del Sur");
        var collection = await api.CollectionAsync(designer, "Tierra");
        await api.SendAsync(designer.Token, HttpMethod.Post, $"/api/collections/{collection}/applications", new { eventId = show.Id });
        var model = await api.ModelAsync("Antonia Gil");
        var sponsor = await api.SponsorAsync(organizer.User);
        await using var desk = await browser.OpenAsync(api.BaseAddress, organizer);
        var page = desk.Page;
        var status = page.Locator("#show-status");

        await desk.GotoAsync("/organizer.html");
        await page.Locator($"[data-event-id='{show.Id}']").GetByRole(AriaRole.Link, new() { Name = "Desfile", Exact = true }).ClickAsync();
        await page.Locator($"#applications [data-collection-id='{collection}']").GetByRole(AriaRole.Button, new() { Name = "Aceptar" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Colección aceptada: ya está en el lineup.");
        await page.Locator("#cast-model").SelectOptionAsync(model.Id.ToString());
        await page.GetByLabel("Hora de llamado").FillAsync("2030-05-01T15:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Invitar" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Invitación enviada: la modelo decide.");
        await Expect(page.Locator($"#castings [data-model-id='{model.Id}']")).ToContainTextAsync("Invitación pendiente");
        await page.GetByLabel("Qué", new() { Exact = true }).FillAsync("Prueba de vestuario Tierra");
        await page.Locator("#slot-startsAt").FillAsync("2030-05-01T10:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Agregar a la agenda" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Agregado a la agenda.");
        await Expect(page.Locator("#backstage")).ToContainTextAsync("Todo el equipo del desfile");
        await page.Locator("#sponsorship-sponsor").SelectOptionAsync(sponsor.ToString());
        await page.Locator("#sponsorship-tier").SelectOptionAsync("gold");
        await page.GetByLabel("Aporte").FillAsync("5000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Agregar patrocinio" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Patrocinio guardado.");
        var package = page.Locator($"#benefits [data-sponsor-id='{sponsor}']");
        await package.GetByLabel("Descripción").FillAsync("Logo en el photocall");
        await package.GetByRole(AriaRole.Button, new() { Name = "Agregar beneficio" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Beneficio agregado.");
        await page.Locator($"#benefits [data-sponsor-id='{sponsor}']").GetByRole(AriaRole.Button, new() { Name = "Marcar entregado" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Beneficio entregado.");
        await Expect(page.Locator($"#benefits [data-sponsor-id='{sponsor}']")).ToContainTextAsync("Logo: Logo en el photocall Entregado");
        await desk.ScreenshotAsync("organizer-show");

        Assert.Single((await api.GetAsync($"/api/events/{show.Id}/lineup")).GetProperty("shows").EnumerateArray());
        var slot = Assert.Single((await api.GetAsync($"/api/events/{show.Id}/backstage", organizer.User.Token)).EnumerateArray());
        Assert.Equal(new DateTimeOffset(2030, 5, 1, 15, 0, 0, TimeSpan.Zero), slot.GetProperty("startsAt").GetDateTimeOffset());

        await desk.GotoAsync("/sponsors.html");
        await Expect(page.Locator($"[data-sponsor-id='{sponsor}']")).ToContainTextAsync("Sin sincronizar");
        desk.AssertNoConsoleErrors();
    }
}
