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
/// Register handlers with <see cref="On"/> before <see cref="ConnectAsync"/>; they run on the receive loop and are
/// given the time the frame arrived, before any parsing, so latency measurements do not include our own work.
/// </remarks>
public sealed class LiveHubClient : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private const int InvocationMessage = 1;
    private const int CompletionMessage = 3;
    private const int PingMessage = 6;
    private const int CloseMessage = 7;
    private const int ReceiveBufferBytes = 16 * 1024;

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
    private Task? _receiveLoop;
    private Task? _keepAlive;
    private int _nextInvocationId;

    /// <param name="hubUrl">The hub, e.g. http://127.0.0.1:5080/hubs/live.</param>
    /// <param name="accessToken">Bearer token, sent on negotiate and as access_token on the socket; null for anonymous.</param>
    public LiveHubClient(Uri hubUrl, string? accessToken = null)
    {
        _hubUrl = hubUrl;
        _accessToken = accessToken;
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
            throw new HubException($"Negotiate at {url} answered {(int)response.StatusCode}.");
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        var root = body.RootElement;
        if (root.TryGetProperty("error", out var error))
        {
            throw new HubException($"Negotiate refused: {error}");
        }

        return root.TryGetProperty("connectionToken", out var token) && token.GetString() is { } t ? t
            : root.TryGetProperty("connectionId", out var id) && id.GetString() is { } i ? i
            : throw new HubException("Negotiate answered neither connectionToken nor connectionId.");
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
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Fail(new HubException($"The hub closed the connection ({result.CloseStatus} {result.CloseStatusDescription})."));
                    return;
                }

                buffer.Write(chunk.AsSpan(0, result.Count));
                var pending = buffer.WrittenMemory;
                int separator;
                var consumed = 0;
                while ((separator = pending.Span[consumed..].IndexOf(RecordSeparator)) >= 0)
                {
                    Dispatch(pending.Slice(consumed, separator), receivedAt);
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
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or JsonException or HubException)
        {
            Fail(ex as HubException ?? new HubException("The hub connection failed.", ex));
        }
    }

    private void Dispatch(ReadOnlyMemory<byte> record, DateTimeOffset receivedAt)
    {
        using var document = JsonDocument.Parse(record);
        var root = document.RootElement;
        if (!_handshake.Task.IsCompleted)
        {
            if (root.TryGetProperty("error", out var handshakeError))
            {
                var failure = new HubException($"Handshake refused: {handshakeError}");
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
                if (root.TryGetProperty("target", out var target) && _handlers.TryGetValue(target.GetString() ?? string.Empty, out var handler))
                {
                    var argument = root.TryGetProperty("arguments", out var args) && args.GetArrayLength() > 0 ? args[0] : default;
                    handler(argument, receivedAt);
                }

                break;
            case CompletionMessage:
                if (root.TryGetProperty("invocationId", out var id) && _pending.TryGetValue(id.GetString() ?? string.Empty, out var completion))
                {
                    if (root.TryGetProperty("error", out var error))
                    {
                        completion.TrySetException(new HubException($"The hub method failed: {error}"));
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
                throw new HubException($"The hub closed the connection: {(root.TryGetProperty("error", out var reason) ? reason.ToString() : "no reason")}.");
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
