using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Fashionistas.Tests.Browser;

/// <summary>A page in its own browser context that records every console error and uncaught script error.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _errors = new();

    public BrowserPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Enqueue($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _errors.Enqueue($"uncaught: {error}");
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public Task GotoAsync(string path) => Page.GotoAsync(path);

    /// <summary>Saves a full-page PNG under bin/.../artifacts/screenshots.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}.png"),
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
        });

    /// <summary>
    /// Fails the test on any console or script error except failed loads the test provoked on purpose: Chromium logs
    /// every 4xx/5xx fetch as a console error, so a test that expects the 409 of a second scan passes "status of 409",
    /// and one that cuts the network passes "net::ERR_FAILED".
    /// </summary>
    public void AssertNoConsoleErrors(params string[] expectedFailedLoads)
    {
        var unexpected = _errors
            .Where(e => !(e.Contains("Failed to load resource", StringComparison.Ordinal)
                && expectedFailedLoads.Any(x => e.Contains(x, StringComparison.Ordinal))))
            .ToList();
        Assert.True(unexpected.Count == 0, "Console errors:\n" + string.Join("\n", unexpected));
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
