using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Fashionistas.LoadTests.Live;

/// <summary>
/// One person's waiting-room page as a hub client: joined to the event's queue, it keeps when each admitted position
/// (<c>admittedThrough</c>) first reached it, and checks that it never went back.
/// </summary>
public sealed class QueueWatcher : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly List<(int AdmittedThrough, DateTimeOffset At)> _seen = [];
    private int _highest;
    private long _wentBack;

    public QueueWatcher(Uri hubUrl, string accessToken, int position)
    {
        Position = position;
        _hub = new HubConnectionBuilder()
            .WithUrl(hubUrl, options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
            })
            .Build();
        _hub.On<JsonElement>("queue", OnQueue);
    }

    /// <summary>The watcher's own place (0 while not known).</summary>
    public int Position { get; set; }

    /// <summary>Messages whose admitted position was lower than one seen before (a place moving back).</summary>
    public long WentBack => Interlocked.Read(ref _wentBack);

    public IReadOnlyList<(int AdmittedThrough, DateTimeOffset At)> Seen
    {
        get
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    public async Task StartAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await _hub.StartAsync(cancellationToken);
        await _hub.InvokeAsync("JoinQueue", eventId, cancellationToken);
    }

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    private void OnQueue(JsonElement message)
    {
        var at = DateTimeOffset.UtcNow;
        var admitted = message.GetProperty("admittedThrough").GetInt32();
        lock (_seen)
        {
            if (admitted < _highest)
            {
                Interlocked.Increment(ref _wentBack);
                return;
            }

            if (admitted > _highest)
            {
                _highest = admitted;
                _seen.Add((admitted, at));
            }
        }
    }
}
