using System.Net;

namespace Fashionistas.LoadTests.Client;

/// <summary>The one HTTP client of a run: one connection per concurrent request, no proxy, no cookies.</summary>
public static class LoadHttp
{
    public static HttpClient Create(Uri baseAddress, TimeSpan requestTimeout) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        BaseAddress = baseAddress,
        Timeout = requestTimeout,
        DefaultRequestVersion = HttpVersion.Version11,
    };
}
