using Microsoft.Playwright;

namespace Fashionistas.Tests.Browser;

/// <summary>
/// One headless Chromium per test class (starting it is the slow part); each test opens its own isolated contexts.
/// Uses the machine's Chromium (Debian's <c>chromium</c> package, installed on first use when missing and root, see
/// <see cref="ChromiumInstaller"/>), never a Playwright download; set FASHIONISTAS_CHROMIUM to use another binary.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string DefaultChromium = "/usr/bin/chromium";

    /// <summary>How long an expectation waits for the page (generous: CI has 2 cores shared with the server).</summary>
    public const float ExpectTimeoutMs = 20_000;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("FASHIONISTAS_CHROMIUM");
        var executable = string.IsNullOrEmpty(configured) ? DefaultChromium : configured;
        await ChromiumInstaller.EnsureAsync(executable, isDefaultLocation: executable == DefaultChromium);

        Assertions.SetDefaultExpectTimeout(ExpectTimeoutMs);
        Directory.CreateDirectory(ScreenshotDirectory);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A fresh browser context (own storage, like another person's phone) with one page open on nothing yet.</summary>
    public async Task<BrowserPage> OpenAsync(Uri baseAddress, SignedInUser? user = null, bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "es-CO",
            TimezoneId = "America/Bogota",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            DeviceScaleFactor = 1,
            IsMobile = phone,
            HasTouch = phone,
        });
        context.SetDefaultTimeout(ExpectTimeoutMs);
        if (user is not null)
        {
            await context.AddInitScriptAsync(user.SessionScript());
        }

        return new BrowserPage(context, await context.NewPageAsync());
    }
}
