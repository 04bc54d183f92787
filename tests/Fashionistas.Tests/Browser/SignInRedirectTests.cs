using Fashionistas.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Fashionistas.Tests.Browser;

/// <summary>After signing in the visitor goes back to <c>?next=</c>, but only ever to a page of this site.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInRedirectTests(ApiFactory api, BrowserFixture browser) : IClassFixture<ApiFactory>, IClassFixture<BrowserFixture>
{
    /// <summary>Raw query values of <c>next</c>, as an attacker would put them in a link.</summary>
    public static TheoryData<string> OffSite => new()
    {
        "/%09/127.0.0.1:5999/pwned",
        "/%0A/127.0.0.1:5999/pwned",
        "/%0D%0A/127.0.0.1:5999/pwned",
        "%2F%2F127.0.0.1:5999/pwned",
        "//127.0.0.1:5999/pwned",
        "/%5C127.0.0.1:5999/pwned",
        "%5C%5C127.0.0.1:5999/pwned",
        "/%09%5C127.0.0.1:5999/pwned",
        "javascript:alert(document.domain)",
        "%6A%61%76%61%73%63%72%69%70%74:alert(1)",
        "http://127.0.0.1:5999/pwned",
        "/%20/127.0.0.1:5999/pwned",
    };

    [Theory]
    [MemberData(nameof(OffSite))]
    public async Task ANextThatWouldLeaveTheSiteLandsOnTheHomePageInstead(string next)
    {
        var user = await api.CreateUserAsync();
        await using var visitor = await browser.OpenAsync(api.BaseAddress);

        var landed = await SignInAsync(visitor.Page, next, user);

        Assert.Equal(api.BaseAddress.Authority, landed.Authority);
        Assert.Equal("/", landed.AbsolutePath);
    }

    [Fact]
    public async Task ANextOnThisSiteIsKeptWithItsQuery()
    {
        var user = await api.CreateUserAsync();
        await using var visitor = await browser.OpenAsync(api.BaseAddress);

        var landed = await SignInAsync(visitor.Page, Uri.EscapeDataString("/tickets.html?desde=login"), user);

        Assert.Equal(api.BaseAddress.Authority, landed.Authority);
        Assert.Equal("/tickets.html?desde=login", landed.PathAndQuery);
    }

    /// <summary>Signs in on the login page opened with <paramref name="next"/>; where the browser went afterwards.</summary>
    private static async Task<Uri> SignInAsync(IPage page, string next, TestUser user)
    {
        await page.GotoAsync("/login.html?next=" + next);
        var signIn = page.GetByRole(AriaRole.Tabpanel, new() { Name = "Ingresar" });
        await signIn.GetByLabel("Correo electrónico").FillAsync(user.Email);
        await signIn.GetByLabel("Contraseña").FillAsync(user.Password);
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Ingresar" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login.html", StringComparison.Ordinal), new() { Timeout = BrowserFixture.ExpectTimeoutMs });
        return new Uri(page.Url);
    }
}
