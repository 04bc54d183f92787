using System.Net;
using System.Net.Http.Json;

namespace Fashionistas.Tests.Security;

/// <summary>Behind a trusted proxy each client gets its own sign-in limit, and HSTS follows the client's scheme.</summary>
public sealed class ForwardedHeadersTests(TrustedProxyApiFactory api) : IClassFixture<TrustedProxyApiFactory>
{
    [Fact]
    public async Task ClientsBehindATrustedProxyAreLimitedEachByTheirOwnAddress()
    {
        var first = await SignInsAsync(api, "203.0.113.1", TrustedProxyApiFactory.SignInsPerIp + 1);
        var second = await SignInsAsync(api, "203.0.113.2", 1);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, TrustedProxyApiFactory.SignInsPerIp), HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.Unauthorized], second);
    }

    [Fact]
    public async Task HstsIsSentWhenTheProxySaysTheClientUsedHttpsAndOnlyThen()
    {
        using var client = api.Client();
        using var overTls = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        overTls.Headers.Add("X-Forwarded-Proto", "https");

        using var secure = await client.SendAsync(overTls);
        using var plain = await client.GetAsync("/api/events");

        Assert.Equal("max-age=31536000", string.Join(",", secure.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    /// <summary>The statuses of <paramref name="count"/> wrong sign-ins (each for its own unknown e-mail) from <paramref name="clientIp"/>.</summary>
    internal static async Task<List<HttpStatusCode>> SignInsAsync(Infrastructure.ApiFactory api, string clientIp, int count)
    {
        using var client = api.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
            {
                Content = JsonContent.Create(new { email = $"nadie-{Guid.NewGuid():N}@fashionistas.test", password = "Not-a-password-1" }),
            };
            request.Headers.Add("X-Forwarded-For", clientIp);
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
