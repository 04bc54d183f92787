using System.Net;

namespace Fashionistas.LoadTests.Client;

/// <summary>
/// The one HTTP client of a run: at most <c>maxConnections</c> keep-alive connections, reused request after request as a
/// browser reuses its connection to a site (a request finding them all busy waits for one rather than opening another),
/// no proxy, no cookies.
/// </summary>
public static class LoadHttp
{
    /// <summary>wrk's customary 256: enough to keep a 2-core server busy without the cost of thousands of sockets.</summary>
    public const int DefaultConnections = 256;

    /// <summary>With several <paramref name="nodes"/> (one cluster), requests are spread over them in turn.</summary>
    public static HttpClient Create(
        Uri baseAddress, TimeSpan requestTimeout, int maxConnections = DefaultConnections, IReadOnlyList<Uri>? nodes = null)
    {
        HttpMessageHandler handler = Sockets(maxConnections);
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

    private static SocketsHttpHandler Sockets(int maxConnections) => new()
    {
        MaxConnectionsPerServer = maxConnections,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };
}
