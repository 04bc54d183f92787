using System.Net;

namespace Fashionistas.Tests.Security;

/// <summary>Forwarded headers from anyone but a configured proxy are ignored: they neither dodge limits nor claim HTTPS.</summary>
public sealed class UntrustedForwardedHeadersTests(UntrustedProxyApiFactory api) : IClassFixture<UntrustedProxyApiFactory>
{
    [Fact]
    public async Task AClientCannotDodgeTheSignInLimitByInventingForwardedAddresses()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= TrustedProxyApiFactory.SignInsPerIp; i++)
        {
            statuses.AddRange(await ForwardedHeadersTests.SignInsAsync(api, $"198.51.100.{i + 1}", 1));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task AnUntrustedForwardedProtoGetsNoHsts()
    {
        using var client = api.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
