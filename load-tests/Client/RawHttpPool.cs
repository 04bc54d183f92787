using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Fashionistas.LoadTests.Client;

/// <summary>
/// At most <c>maxConnections</c> keep-alive <see cref="RawHttpConnection"/>s to one server, opened as requests need
/// them and reused request after request, as a browser reuses its connection to a site; a request finding them all busy
/// waits for the next one freed (first come, first served) instead of opening another socket. One watchdog timer per
/// pool ends requests past <c>requestTimeout</c> or whose caller gave up.
/// </summary>
public sealed class RawHttpPool : IDisposable
{
    private static readonly TimeSpan MaxWatchdogPeriod = TimeSpan.FromMilliseconds(100);

    private readonly RawHttpConnection[] _connections;
    // A freed connection is handed to the request waiting longest on the thread that freed it (no thread hop).
    private readonly Channel<RawHttpConnection> _idle =
        Channel.CreateUnbounded<RawHttpConnection>(new UnboundedChannelOptions { AllowSynchronousContinuations = true });
    private readonly EndPoint _endPoint;
    private readonly string _host;
    private readonly long _timeoutTicks;
    private readonly Timer _watchdog;
    private int _created;

    public RawHttpPool(Uri server, int maxConnections, TimeSpan requestTimeout)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConnections, 1);
        _connections = new RawHttpConnection[maxConnections];
        _endPoint = new IPEndPoint(Resolve(server.Host), server.Port);
        _host = server.Authority;
        _timeoutTicks = (long)(requestTimeout.TotalSeconds * Stopwatch.Frequency);
        var period = requestTimeout / 10 < MaxWatchdogPeriod ? requestTimeout / 10 : MaxWatchdogPeriod;
        _watchdog = new Timer(_ => Watch(), null, period, period);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<RawResponse> SendAsync(RawRequest request, CancellationToken cancellationToken)
    {
        var connection = TryRent() ?? await _idle.Reader.ReadAsync(cancellationToken);
        try
        {
            if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                // Requests failing at once (a refused connection) would otherwise hand over to each other ever deeper.
                await Task.Yield();
            }

            return await connection.SendAsync(request, cancellationToken);
        }
        finally
        {
            _idle.Writer.TryWrite(connection);
        }
    }

    public void Dispose()
    {
        _watchdog.Dispose();
        foreach (var connection in _connections.Take(Volatile.Read(ref _created)))
        {
            connection?.Dispose();
        }
    }

    private RawHttpConnection? TryRent()
    {
        if (_idle.Reader.TryRead(out var idle))
        {
            return idle;
        }

        while (true)
        {
            var created = Volatile.Read(ref _created);
            if (created >= _connections.Length)
            {
                return null;
            }

            if (Interlocked.CompareExchange(ref _created, created + 1, created) == created)
            {
                var connection = new RawHttpConnection(_endPoint, _host);
                Volatile.Write(ref _connections[created], connection);
                return connection;
            }
        }
    }

    private void Watch()
    {
        var now = Stopwatch.GetTimestamp();
        var created = Math.Min(Volatile.Read(ref _created), _connections.Length);
        for (var i = 0; i < created; i++)
        {
            Volatile.Read(ref _connections[i])?.Abort(now, _timeoutTicks);
        }
    }

    private static IPAddress Resolve(string host) =>
        IPAddress.TryParse(host, out var address) ? address
        : string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : Dns.GetHostAddresses(host)[0];
}
