using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Fashionistas.Tests.Live;

/// <summary>
/// A minimal SignalR client speaking the JSON hub protocol over a raw WebSocket, because the .NET SignalR client is
/// not in our registry: negotiate (version 1), connect with the connection token, handshake, then invocations
/// (type 1) answered by completions (type 3); the server's own invocations are recorded as <see cref="HubMessage"/>s.
/// </summary>
public sealed class HubTestClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';

    private static readonly TimeSpan InvocationTimeout = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _invocations = new();
    private readonly ConcurrentQueue<HubMessage> _messages = new();
    private readonly TaskCompletionSource _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private Task _receiving = Task.CompletedTask;
    private int _nextInvocationId;

    private HubTestClient()
    {
    }

    public IReadOnlyList<HubMessage> Messages => [.. _messages];

    /// <summary>Connects to the hub at <paramref name="hubUrl"/> (http://.../hubs/live), signed in when a token is given.</summary>
    public static async Task<HubTestClient> ConnectAsync(Uri hubUrl, string? token = null)
    {
        ArgumentNullException.ThrowIfNull(hubUrl);
        using var http = new HttpClient();
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, new Uri(hubUrl + "/negotiate?negotiateVersion=1"));
        if (token is not null)
        {
            negotiate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var negotiated = await http.SendAsync(negotiate);
        negotiated.EnsureSuccessStatusCode();
        var body = await negotiated.Content.ReadFromJsonAsync<JsonElement>();
        var connectionToken = body.GetProperty("connectionToken").GetString()!;

        // Browsers cannot set headers on a WebSocket, so SignalR clients send the token in the query; so do we.
        var query = $"?id={Uri.EscapeDataString(connectionToken)}" + (token is null ? string.Empty : $"&access_token={Uri.EscapeDataString(token)}");
        var socketUrl = new UriBuilder(hubUrl) { Scheme = hubUrl.Scheme == "https" ? "wss" : "ws", Query = query }.Uri;

        var client = new HubTestClient();
        await client._socket.ConnectAsync(socketUrl, CancellationToken.None);
        client._receiving = client.ReceiveLoopAsync();
        await client.SendFrameAsync(new { protocol = "json", version = 1 });
        await client._handshake.Task.WaitAsync(InvocationTimeout);
        return client;
    }

    /// <summary>Invokes a hub method and waits for its completion; throws <see cref="HubInvocationException"/> on a hub error.</summary>
    public async Task<JsonElement> InvokeAsync(string target, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref _nextInvocationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _invocations[id] = completion;
        await SendFrameAsync(new { type = 1, invocationId = id, target, arguments });
        return await completion.Task.WaitAsync(InvocationTimeout);
    }

    /// <summary>The first message to <paramref name="target"/> matching <paramref name="match"/>, waiting up to <paramref name="within"/>.</summary>
    public async Task<HubMessage?> WaitForAsync(string target, Func<JsonElement, bool> match, TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        while (true)
        {
            var found = _messages.FirstOrDefault(m => m.Target == target && match(m.Argument));
            if (found is not null || deadline.IsCancellationRequested || _receiving.IsCompleted)
            {
                return found;
            }

            // Polling only decides when to look: the arrival time is stamped by the receive loop.
            await Task.Delay(TimeSpan.FromMilliseconds(10), CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The server may already have gone; the socket is disposed below either way.
            }
        }

        try
        {
            await _receiving;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }

        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }

    private async Task SendFrameAsync(object frame)
    {
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(frame) + RecordSeparator);
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _stop.Token);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                var receivedAt = System.Diagnostics.Stopwatch.GetTimestamp();
                text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                var all = text.ToString();
                var end = all.LastIndexOf(RecordSeparator);
                if (end < 0)
                {
                    continue;
                }

                text.Clear().Append(all[(end + 1)..]);
                foreach (var frame in all[..end].Split(RecordSeparator))
                {
                    Handle(JsonDocument.Parse(frame).RootElement.Clone(), receivedAt);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Closed under us: pending invocations fail below.
        }
        finally
        {
            foreach (var pending in _invocations.Values)
            {
                pending.TrySetException(new HubInvocationException("The connection closed."));
            }

            _handshake.TrySetException(new HubInvocationException("The connection closed before the handshake."));
        }
    }

    private void Handle(JsonElement frame, long receivedAt)
    {
        if (!frame.TryGetProperty("type", out var type))
        {
            // The handshake answer has no type: {} or {"error": "..."}.
            if (frame.TryGetProperty("error", out var refused))
            {
                _handshake.TrySetException(new HubInvocationException(refused.GetString() ?? "handshake refused"));
            }
            else
            {
                _handshake.TrySetResult();
            }

            return;
        }

        switch (type.GetInt32())
        {
            case 1:
                var arguments = frame.GetProperty("arguments");
                _messages.Enqueue(new HubMessage(
                    frame.GetProperty("target").GetString()!,
                    arguments.GetArrayLength() > 0 ? arguments[0] : default,
                    receivedAt));
                break;
            case 3 when _invocations.TryRemove(frame.GetProperty("invocationId").GetString()!, out var completion):
                if (frame.TryGetProperty("error", out var error))
                {
                    completion.TrySetException(new HubInvocationException(error.GetString() ?? "error"));
                }
                else
                {
                    completion.TrySetResult(frame.TryGetProperty("result", out var result) ? result : default);
                }

                break;
            case 7:
                _stop.Cancel();
                break;
            default:
                // 6 = ping; nothing else is sent to a client that only invokes.
                break;
        }
    }
}
