using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Fashionistas.LoadTests.Live;

/// <summary>
/// A minimal SignalR client (JSON hub protocol over WebSockets) on <see cref="ClientWebSocket"/>: negotiate,
/// handshake, invocations with completions, server-to-client calls, keep-alive pings. The SignalR .NET client
/// does not restore here, and a load generator wants this little anyway.
/// </summary>
/// <remarks>
/// Register handlers with <see cref="On"/> before <see cref="ConnectAsync(HttpClient, CancellationToken)"/>; they run on
/// the receive loop and are given the time the frame arrived, before any parsing, so latency measurements do not include
/// our own work. Tests use <see cref="ConnectAsync(Uri, string?)"/>, which also keeps every message for <see cref="WaitForAsync"/>.
/// </remarks>
public sealed class LiveHubClient : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private const int InvocationMessage = 1;
    private const int CompletionMessage = 3;
    private const int PingMessage = 6;
    private const int CloseMessage = 7;
    private const int ReceiveBufferBytes = 16 * 1024;

    /// <summary>Messages kept by a recording client; beyond this the oldest are dropped.</summary>
    private const int MaxRecorded = 100_000;

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>SignalR servers drop a client silent for 30 s; half of that keeps it alive.</summary>
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    private readonly Uri _hubUrl;
    private readonly string? _accessToken;
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement?>> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Action<JsonElement, DateTimeOffset>> _handlers = new(StringComparer.OrdinalIgnoreCase);
    private readonly TaskCompletionSource _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<HubMessage>? _recorded;
    private HttpClient? _ownHttp;
    private Task? _receiveLoop;
    private Task? _keepAlive;
    private int _nextInvocationId;

    /// <param name="hubUrl">The hub, e.g. http://127.0.0.1:5080/hubs/live.</param>
    /// <param name="accessToken">Bearer token, sent on negotiate and as access_token on the socket; null for anonymous.</param>
    /// <param name="record">Keep every server message (bounded) for <see cref="Messages"/> and <see cref="WaitForAsync"/>.</param>
    public LiveHubClient(Uri hubUrl, string? accessToken = null, bool record = false)
    {
        _hubUrl = hubUrl;
        _accessToken = accessToken;
        _recorded = record ? new ConcurrentQueue<HubMessage>() : null;
    }

    /// <summary>Every server message so far (recording clients only).</summary>
    public IReadOnlyList<HubMessage> Messages => _recorded is null ? [] : [.. _recorded];

    /// <summary>A recording client connected to <paramref name="hubUrl"/> (http://.../hubs/live), signed in when a token is given.</summary>
    public static async Task<LiveHubClient> ConnectAsync(Uri hubUrl, string? accessToken = null)
    {
        var client = new LiveHubClient(hubUrl, accessToken, record: true) { _ownHttp = new HttpClient() };
        try
        {
            using var timeout = new CancellationTokenSource(DefaultTimeout);
            await client.ConnectAsync(client._ownHttp, timeout.Token);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Invokes a hub method, waiting at most 30 s; throws <see cref="LiveHubException"/> when the hub refuses.</summary>
    public async Task<JsonElement?> InvokeAsync(string target, params object?[] arguments)
    {
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        return await InvokeAsync(target, arguments, timeout.Token);
    }

    /// <summary>The first recorded message to <paramref name="target"/> matching <paramref name="match"/>, waiting up to <paramref name="within"/>.</summary>
    public async Task<HubMessage?> WaitForAsync(string target, Func<JsonElement, bool> match, TimeSpan within)
    {
        ArgumentNullException.ThrowIfNull(match);
        var recorded = _recorded ?? throw new InvalidOperationException("This client does not record messages.");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var found = recorded.FirstOrDefault(m => m.Target == target && match(m.Argument));
            if (found is not null || clock.Elapsed >= within || _closed.Task.IsCompleted)
            {
                return found;
            }

            // Polling only decides when to look: arrival times are stamped by the receive loop.
            await Task.Delay(TimeSpan.FromMilliseconds(10), CancellationToken.None);
        }
    }

    /// <summary>Completes when the connection ends (faulted with the reason unless we closed it).</summary>
    public Task Closed => _closed.Task;

    /// <summary>Handles server calls to <paramref name="target"/> (first argument, arrival time).</summary>
    public void On(string target, Action<JsonElement, DateTimeOffset> handler)
    {
        if (_receiveLoop is not null)
        {
            throw new InvalidOperationException("Register handlers before connecting.");
        }

        _handlers[target] = handler;
    }

    public async Task ConnectAsync(HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var token = await NegotiateAsync(http, cancellationToken);
        var query = "id=" + Uri.EscapeDataString(token) + (_accessToken is null ? string.Empty : "&access_token=" + Uri.EscapeDataString(_accessToken));
        var socketUrl = new UriBuilder(_hubUrl)
        {
            Scheme = _hubUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Query = query,
        }.Uri;
        await _socket.ConnectAsync(socketUrl, cancellationToken);
        _receiveLoop = Task.Run(ReceiveLoopAsync, CancellationToken.None);
        await SendRecordAsync("{\"protocol\":\"json\",\"version\":1}"u8.ToArray(), cancellationToken);
        await _handshake.Task.WaitAsync(cancellationToken);
        _keepAlive = Task.Run(KeepAliveAsync, CancellationToken.None);
    }

    /// <summary>Invokes a hub method and waits for its completion; the result, or null for void methods.</summary>
    public async Task<JsonElement?> InvokeAsync(string target, object?[] arguments, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextInvocationId).ToString(CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        try
        {
            var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
            {
                ["type"] = InvocationMessage,
                ["invocationId"] = id,
                ["target"] = target,
                ["arguments"] = arguments,
            });
            await SendRecordAsync(payload, cancellationToken);
            return await completion.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Closing is best effort: the server notices a dropped socket on its own.
            }
        }

        _socket.Abort();
        foreach (var task in new[] { _receiveLoop, _keepAlive })
        {
            if (task is not null)
            {
                await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        _closed.TrySetResult();
        _socket.Dispose();
        _sendLock.Dispose();
        _stop.Dispose();
        _ownHttp?.Dispose();
    }

    private async Task<string> NegotiateAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var url = new Uri(_hubUrl.AbsoluteUri.TrimEnd('/') + "/negotiate?negotiateVersion=1");
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (_accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _accessToken);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new LiveHubException($"Negotiate at {url} answered {(int)response.StatusCode}.");
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        var root = body.RootElement;
        if (root.TryGetProperty("error", out var error))
        {
            throw new LiveHubException($"Negotiate refused: {error}");
        }

        return root.TryGetProperty("connectionToken", out var token) && token.GetString() is { } t ? t
            : root.TryGetProperty("connectionId", out var id) && id.GetString() is { } i ? i
            : throw new LiveHubException("Negotiate answered neither connectionToken nor connectionId.");
    }

    private async Task SendRecordAsync(byte[] json, CancellationToken cancellationToken)
    {
        var frame = new byte[json.Length + 1];
        json.CopyTo(frame, 0);
        frame[^1] = RecordSeparator;
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task KeepAliveAsync()
    {
        using var timer = new PeriodicTimer(KeepAliveInterval);
        var ping = Encoding.UTF8.GetBytes("{\"type\":6}");
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token) && _socket.State == WebSocketState.Open)
            {
                await SendRecordAsync(ping, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection is ending; the receive loop reports why.
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(ReceiveBufferBytes);
        var chunk = new byte[ReceiveBufferBytes];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(chunk, _stop.Token);
                var receivedAt = DateTimeOffset.UtcNow;
                var receivedTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Fail(new LiveHubException($"The hub closed the connection ({result.CloseStatus} {result.CloseStatusDescription})."));
                    return;
                }

                buffer.Write(chunk.AsSpan(0, result.Count));
                var pending = buffer.WrittenMemory;
                int separator;
                var consumed = 0;
                while ((separator = pending.Span[consumed..].IndexOf(RecordSeparator)) >= 0)
                {
                    Dispatch(pending.Slice(consumed, separator), receivedAt, receivedTimestamp);
                    consumed += separator + 1;
                }

                if (consumed > 0)
                {
                    var rest = pending[consumed..].ToArray();
                    buffer.Clear();
                    buffer.Write(rest);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or JsonException or LiveHubException)
        {
            Fail(ex as LiveHubException ?? new LiveHubException("The hub connection failed.", ex));
        }
    }

    private void Dispatch(ReadOnlyMemory<byte> record, DateTimeOffset receivedAt, long receivedTimestamp)
    {
        using var document = JsonDocument.Parse(record);
        var root = document.RootElement;
        if (!_handshake.Task.IsCompleted)
        {
            if (root.TryGetProperty("error", out var handshakeError))
            {
                var failure = new LiveHubException($"Handshake refused: {handshakeError}");
                _handshake.TrySetException(failure);
                throw failure;
            }

            _handshake.TrySetResult();
            return;
        }

        var type = root.TryGetProperty("type", out var t) ? t.GetInt32() : 0;
        switch (type)
        {
            case InvocationMessage:
                var name = root.TryGetProperty("target", out var target) ? target.GetString() ?? string.Empty : string.Empty;
                var argument = root.TryGetProperty("arguments", out var args) && args.GetArrayLength() > 0 ? args[0] : default;
                if (_handlers.TryGetValue(name, out var handler))
                {
                    handler(argument, receivedAt);
                }

                if (_recorded is not null)
                {
                    _recorded.Enqueue(new HubMessage(name, argument.Clone(), receivedTimestamp, receivedAt));
                    while (_recorded.Count > MaxRecorded && _recorded.TryDequeue(out _))
                    {
                    }
                }

                break;
            case CompletionMessage:
                if (root.TryGetProperty("invocationId", out var id) && _pending.TryGetValue(id.GetString() ?? string.Empty, out var completion))
                {
                    if (root.TryGetProperty("error", out var error))
                    {
                        completion.TrySetException(new LiveHubException(error.GetString() ?? "The hub method failed."));
                    }
                    else
                    {
                        completion.TrySetResult(root.TryGetProperty("result", out var value) ? value.Clone() : null);
                    }
                }

                break;
            case PingMessage:
                break;
            case CloseMessage:
                throw new LiveHubException($"The hub closed the connection: {(root.TryGetProperty("error", out var reason) ? reason.ToString() : "no reason")}.");
        }
    }

    private void Fail(Exception exception)
    {
        _handshake.TrySetException(exception);
        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(exception);
        }

        _closed.TrySetException(exception);
    }
}
