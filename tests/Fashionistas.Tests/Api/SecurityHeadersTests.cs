using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Api;

/// <summary>Pages and API answers carry the browser-hardening headers (the browser tests prove the pages live with them).</summary>
public sealed class SecurityHeadersTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/event.html")]
    [InlineData("/api/events")]
    [InlineData("/api/nope")]
    public async Task EveryAnswerForbidsFramingSniffingAndForeignScripts(string path)
    {
        using var client = api.Client();

        using var response = await client.GetAsync(path);

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
