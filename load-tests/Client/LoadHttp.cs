using System.Net;

namespace Fashionistas.LoadTests.Client;

/// <summary>The one HTTP client of a run: one connection per concurrent request, no proxy, no cookies.</summary>
public static class LoadHttp
{
    public static HttpClient Create(Uri baseAddress, TimeSpan requestTimeout) => Create(baseAddress, requestTimeout, null);

    /// <summary>With several <paramref name="nodes"/> (one cluster), requests are spread over them in turn.</summary>
    public static HttpClient Create(Uri baseAddress, TimeSpan requestTimeout, IReadOnlyList<Uri>? nodes)
    {
        HttpMessageHandler handler = Sockets();
        if (nodes is { Count: > 1 })
        {
            handler = new NodeSpreadingHandler(nodes, handler);
        }

        return new HttpClient(handler)
        {
            BaseAddress = baseAddress,
            Timeout = requestTimeout,
            DefaultRequestVersion = HttpVersion.Version11,
        };
    }

    private static SocketsHttpHandler Sockets() => new()
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };
}
