using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace Fashionistas.LoadTests.Client;

/// <summary>
/// One keep-alive HTTP/1.1 connection of the generator's hot path, one request at a time (no pipelining, as browsers):
/// the request is written into a buffer the connection keeps, the answer read into another, and only the status, the
/// length or chunking of the body, its content type and a Retry-After are parsed; a JSON body is copied out, any
/// other is skipped. HttpClient cost ~40 µs of CPU per request here (headers collections, content objects, a
/// cancellation timer, several tasks), on the two cores the server measured with needs; this costs a few.
/// </summary>
/// <remarks>
/// A deadline or a cancelled caller is enforced from outside (<see cref="Abort"/>, called by the pool's watchdog):
/// the socket is closed under the pending operation, so a request arms no timer and registers no callback. The async
/// methods of a request reuse their state machines (pooled builders) instead of allocating them per request.
/// </remarks>
public sealed class RawHttpConnection(EndPoint endPoint, string host) : IDisposable
{
    private const int InitialBuffer = 16 * 1024;
    private const long Idle = 0;
    private const long Aborted = -1;

    private Socket? _socket;
    private byte[] _send = new byte[InitialBuffer];
    private byte[] _receive = new byte[InitialBuffer];
    private readonly ArrayBufferWriter<byte> _chunks = new();
    private int _start;
    private int _end;
    private bool _reused;
    private bool _receivedAny;
    private long _busySince;
    private CancellationToken _caller;
    private volatile bool _callerCancelled;

    /// <summary>
    /// Sends <paramref name="request"/> and reads its answer. A request that fails on a connection reused from an earlier
    /// one before any byte of the answer arrived (the server had closed it while idle) is sent once more on a new
    /// connection, as HttpClient does. Throws <see cref="RawHttpException"/> when no answer came, and
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> was cancelled.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<RawResponse> SendAsync(RawRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _caller = cancellationToken;
        _callerCancelled = false;
        Volatile.Write(ref _busySince, Stopwatch.GetTimestamp());
        try
        {
            while (true)
            {
                var reused = _reused;
                _receivedAny = false;
                try
                {
                    var socket = _socket ?? await ConnectAsync();
                    await SendAllAsync(socket, Write(request));
                    var response = await ReadResponseAsync(socket, request.Method == "HEAD");
                    _reused = true;
                    return response;
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException or RawHttpException)
                {
                    var aborted = Volatile.Read(ref _busySince) == Aborted;
                    Close();
                    if (aborted)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        throw _callerCancelled ? new OperationCanceledException(cancellationToken) : new RawHttpException("timeout", ex);
                    }

                    if (reused && !_receivedAny)
                    {
                        continue;
                    }

                    throw ex as RawHttpException ?? new RawHttpException(Describe(ex), ex);
                }
            }
        }
        finally
        {
            if (Interlocked.Exchange(ref _busySince, Idle) == Aborted)
            {
                // The watchdog closed the socket just as the answer came: never reuse it.
                Close();
            }
        }
    }

    /// <summary>Closes the socket under a request running longer than <paramref name="timeoutTicks"/> or whose caller gave up.</summary>
    internal void Abort(long now, long timeoutTicks)
    {
        var since = Volatile.Read(ref _busySince);
        if (since <= Idle)
        {
            return;
        }

        var cancelled = _caller.IsCancellationRequested;
        if ((cancelled || now - since > timeoutTicks) && Interlocked.CompareExchange(ref _busySince, Aborted, since) == since)
        {
            _callerCancelled = cancelled;
            _socket?.Dispose();
        }
    }

    public void Dispose() => Close();

    private void Close()
    {
        _socket?.Dispose();
        _socket = null;
        _reused = false;
        _start = 0;
        _end = 0;
    }

    private async ValueTask<Socket> ConnectAsync()
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _socket = socket;
        await socket.ConnectAsync(endPoint);
        return socket;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendAllAsync(Socket socket, int length)
    {
        var sent = 0;
        while (sent < length)
        {
            sent += await socket.SendAsync(_send.AsMemory(sent, length - sent), SocketFlags.None);
        }
    }

    private int Write(RawRequest request)
    {
        var needed = request.MaxBytes(host.Length);
        if (_send.Length < needed)
        {
            _send = new byte[needed];
        }

        var writer = new SpanWriter(_send);
        writer.Put(request.Method);
        writer.Put(" "u8);
        writer.Put(request.Path);
        writer.Put(" HTTP/1.1\r\nHost: "u8);
        writer.Put(host);
        writer.Put("\r\n"u8);
        if (request.Token is { } token)
        {
            writer.Put("Authorization: Bearer "u8);
            writer.Put(token);
            writer.Put("\r\n"u8);
        }

        if (request.IdempotencyKey is { } key)
        {
            writer.Put("Idempotency-Key: "u8);
            writer.Put(key);
            writer.Put("\r\n"u8);
        }

        if (request.Method != "GET" && request.Method != "HEAD")
        {
            writer.Put("Content-Type: application/json; charset=utf-8\r\nContent-Length: "u8);
            writer.Put(request.JsonBody.Length);
            writer.Put("\r\n"u8);
        }

        writer.Put("\r\n"u8);
        writer.Put(request.JsonBody.Span);
        return writer.Length;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<RawResponse> ReadResponseAsync(Socket socket, bool head)
    {
        int headEnd;
        while ((headEnd = _receive.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
        {
            await FillAsync(socket);
        }

        var answer = ResponseHead.Parse(_receive.AsSpan(_start, headEnd));
        _start += headEnd + 4;
        ReadOnlyMemory<byte> json = ReadOnlyMemory<byte>.Empty;
        var hasBody = !head && answer.Status is not (204 or 304) and >= 200;
        if (hasBody && answer.Chunked)
        {
            json = await ReadChunkedAsync(socket, answer.Json);
        }
        else if (hasBody && answer.ContentLength > 0)
        {
            var length = checked((int)answer.ContentLength);
            while (_end - _start < length)
            {
                await FillAsync(socket);
            }

            json = answer.Json ? _receive.AsSpan(_start, length).ToArray() : json;
            _start += length;
        }

        if (_start == _end)
        {
            _start = 0;
            _end = 0;
        }

        if (answer.Close)
        {
            Close();
        }

        return new RawResponse(answer.Status, json, answer.RetryAfter);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ReadOnlyMemory<byte>> ReadChunkedAsync(Socket socket, bool keep)
    {
        _chunks.ResetWrittenCount();
        while (true)
        {
            var lineEnd = await LineAsync(socket);
            var size = ResponseHead.ChunkSize(_receive.AsSpan(_start, lineEnd));
            _start += lineEnd + 2;
            if (size == 0)
            {
                // Trailers, if any, up to the empty line.
                while ((lineEnd = await LineAsync(socket)) > 0)
                {
                    _start += lineEnd + 2;
                }

                _start += 2;
                return keep ? _chunks.WrittenSpan.ToArray() : ReadOnlyMemory<byte>.Empty;
            }

            while (_end - _start < size + 2)
            {
                await FillAsync(socket);
            }

            if (keep)
            {
                _chunks.Write(_receive.AsSpan(_start, size));
            }

            _start += size + 2;
        }
    }

    /// <summary>Waits for a whole line at <see cref="_start"/>; its length without the CRLF.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> LineAsync(Socket socket)
    {
        int lineEnd;
        while ((lineEnd = _receive.AsSpan(_start, _end - _start).IndexOf("\r\n"u8)) < 0)
        {
            await FillAsync(socket);
        }

        return lineEnd;
    }

    /// <summary>Receives more bytes after <see cref="_end"/>, moving the unread ones to the front or growing the buffer first when it is full.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask FillAsync(Socket socket)
    {
        if (_end == _receive.Length)
        {
            var unread = _end - _start;
            var target = _start > 0 ? _receive : new byte[_receive.Length * 2];
            Buffer.BlockCopy(_receive, _start, target, 0, unread);
            _receive = target;
            _start = 0;
            _end = unread;
        }

        var received = await socket.ReceiveAsync(_receive.AsMemory(_end), SocketFlags.None);
        if (received == 0)
        {
            throw new RawHttpException("connection closed by the server");
        }

        _receivedAny = true;
        _end += received;
    }

    private static string Describe(Exception ex) => ex switch
    {
        SocketException s => $"SocketException ({s.SocketErrorCode})",
        _ => ex.GetType().Name,
    };

    /// <summary>Writes ASCII/UTF-8 text and numbers into a buffer known to be large enough.</summary>
    private ref struct SpanWriter(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;

        public int Length { get; private set; }

        public void Put(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_buffer[Length..]);
            Length += bytes.Length;
        }

        public void Put(string text) => Length += Encoding.UTF8.GetBytes(text, _buffer[Length..]);

        public void Put(int number)
        {
            Utf8Formatter.TryFormat(number, _buffer[Length..], out var written);
            Length += written;
        }
    }
}
