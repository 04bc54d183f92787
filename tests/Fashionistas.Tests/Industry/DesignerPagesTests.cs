using System.Net.Http.Headers;
using Fashionistas.Tests.Browser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashionistas.Tests.Industry;

/// <summary>The public designer pages and the event page's lineup, in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DesignerPagesTests(IndustryApiFactory api, BrowserFixture browser)
    : IClassFixture<IndustryApiFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task VisitorsBrowseDesignersTheirCollectionsAndAnEventsLineupInSpanishAndEnglish()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var designer = await api.DesignerAsync("Casa Esmeralda");
        var collection = await api.CollectionAsync(designer, "Río Magdalena");
        await UploadPngAsync(designer.Token, collection);
        var model = await api.ModelAsync("Isabella Ríos");
        await api.ShowCollectionAsync(organizer, show.Id, designer, collection);
        await api.CastModelAsync(organizer, show.Id, model);
        await using var visitor = await browser.OpenAsync(api.BaseAddress);
        var page = visitor.Page;

        await visitor.GotoAsync("/designers.html");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Diseñadores");
        await page.Locator($"[data-designer-id='{designer.Id}']").ClickAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Casa Esmeralda");
        var card = page.Locator($"[data-collection-id='{collection}']");
        await Expect(card).ToContainTextAsync("Río Magdalena");
        await Expect(card).ToContainTextAsync("24 piezas");
        await Expect(card.Locator("img")).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await card.Locator("img").EvaluateAsync<int>("img => img.naturalWidth") > 0);
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(card).ToContainTextAsync("24 pieces");

        await visitor.GotoAsync($"/event.html?id={show.Id}");
        var lineup = page.Locator("#lineup");
        await Expect(lineup).ToBeVisibleAsync();
        await Expect(lineup).ToContainTextAsync("On the runway");
        await Expect(lineup).ToContainTextAsync("Casa Esmeralda");
        await Expect(lineup).ToContainTextAsync("Isabella Ríos");
        await visitor.ScreenshotAsync("event-lineup");
        visitor.AssertNoConsoleErrors();
    }

    /// <summary>A real 1×1 PNG, so the browser can decode it.</summary>
    private async Task UploadPngAsync(string token, Guid collection)
    {
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNg+M9QDwADgQF/e5IkGQAAAABJRU5ErkJggg==");
        using var client = api.Client(token);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "look.png");
        using var response = await client.PostAsync($"/api/collections/{collection}/images", form);
        response.EnsureSuccessStatusCode();
    }
}
