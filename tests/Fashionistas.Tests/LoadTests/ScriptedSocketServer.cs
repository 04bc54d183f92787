using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Fashionistas.Tests.LoadTests;

/// <summary>
/// A loopback TCP server that answers each HTTP request it reads with the bytes a script returns (null: no answer,
/// the connection stays open and silent), so the generator's own HTTP client meets exactly the framing under test.
/// Counts connections and requests.
/// </summary>
internal sealed class ScriptedSocketServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<int, string, byte[]?> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _sockets = [];
    private readonly Task _accepting;
    private int _requests;
    private int _connections;

    /// <param name="answer">Given the request's number (from 1) and its head, the bytes to answer; null: no answer.</param>
    public ScriptedSocketServer(Func<int, string, byte[]?> answer)
    {
        _answer = answer;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Closes every connection accepted so far (as a server ending idle keep-alive connections does).</summary>
    public void CloseConnections()
    {
        lock (_sockets)
        {
            foreach (var socket in _sockets)
            {
                socket.Dispose();
            }

            _sockets.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        CloseConnections();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            lock (_sockets)
            {
                _sockets.Add(socket);
            }

            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        var filled = 0;
        try
        {
            while (true)
            {
                int headEnd;
                while ((headEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
                {
                    var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                }

                var head = Encoding.ASCII.GetString(buffer, 0, headEnd);
                var length = head.Split("\r\n").Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    .Select(l => int.Parse(l["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
                while (filled < headEnd + 4 + length)
                {
                    filled += await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, _stop.Token);
                }

                var consumed = headEnd + 4 + length;
                Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                filled -= consumed;
                if (_answer(Interlocked.Increment(ref _requests), head) is { } answer)
                {
                    await socket.SendAsync(answer, SocketFlags.None, _stop.Token);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The connection ended.
        }
    }
}
