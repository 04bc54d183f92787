using System.Net;

namespace Fashionistas.LoadTests.Client;

/// <summary>
/// The HTTP side of a run: the hot path (the requests a scenario measures) over <see cref="RawHttpPool"/>s of at most
/// <c>maxConnections</c> keep-alive connections per node, and an <see cref="HttpClient"/> for setup (registration,
/// events, JSON bodies of any shape), which is not measured. With several nodes (one cluster), requests are spread over
/// them in turn, as a round-robin load balancer would.
/// </summary>
public sealed class LoadHttp : IDisposable
{
    /// <summary>wrk's customary 256: enough to keep a 2-core server busy without the cost of thousands of sockets.</summary>
    public const int DefaultConnections = 256;

    private readonly RawHttpPool[] _pools;
    private long _next = -1;

    private LoadHttp(HttpClient setup, RawHttpPool[] pools)
    {
        Setup = setup;
        _pools = pools;
    }

    /// <summary>Setup calls (not measured): HttpClient, no proxy, no cookies, the same bound on connections.</summary>
    public HttpClient Setup { get; }

    public static LoadHttp Create(
        Uri baseAddress, TimeSpan requestTimeout, int maxConnections = DefaultConnections, IReadOnlyList<Uri>? nodes = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        HttpMessageHandler handler = Sockets(maxConnections);
        if (nodes is { Count: > 1 })
        {
            handler = new NodeSpreadingHandler(nodes, handler);
        }

        var setup = new HttpClient(handler)
        {
            BaseAddress = baseAddress,
            Timeout = requestTimeout,
            DefaultRequestVersion = HttpVersion.Version11,
        };
        IReadOnlyList<Uri> servers = nodes is { Count: > 1 } ? nodes : [baseAddress];
        return new LoadHttp(setup, [.. servers.Select(s => new RawHttpPool(s, maxConnections, requestTimeout))]);
    }

    /// <summary>A measured request, to the next node in turn.</summary>
    public ValueTask<RawResponse> SendAsync(RawRequest request, CancellationToken cancellationToken)
    {
        var pool = _pools.Length == 1 ? _pools[0] : _pools[(int)((ulong)Interlocked.Increment(ref _next) % (ulong)_pools.Length)];
        return pool.SendAsync(request, cancellationToken);
    }

    public void Dispose()
    {
        Setup.Dispose();
        foreach (var pool in _pools)
        {
            pool.Dispose();
        }
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
