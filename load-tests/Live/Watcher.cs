using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Fashionistas.LoadTests.Live;

/// <summary>
/// One hub client (Microsoft.AspNetCore.SignalR.Client over WebSockets, as the page's client) joined to an event,
/// keeping every availability push it receives (bounded).
/// </summary>
public sealed class Watcher : IAsyncDisposable
{
    /// <summary>Far above what coalesced pushes (at most ~10/s per ticket type) produce in a bounded run.</summary>
    private const int MaxPushes = 200_000;

    private readonly HubConnection _hub;
    private readonly List<AvailabilityPush> _pushes = [];
    private long _malformed;

    public Watcher(Uri hubUrl, string? accessToken)
    {
        _hub = new HubConnectionBuilder()
            .WithUrl(hubUrl, options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult(accessToken);
            })
            .Build();
        _hub.On<JsonElement>("availability", message => OnAvailability(message, DateTimeOffset.UtcNow));
    }

    public long Malformed => Interlocked.Read(ref _malformed);

    public IReadOnlyList<AvailabilityPush> Pushes
    {
        get
        {
            lock (_pushes)
            {
                return [.. _pushes];
            }
        }
    }

    /// <summary>Seats taken (held or sold) in the newest push for <paramref name="ticketTypeId"/>, or -1.</summary>
    public int LatestTaken(Guid ticketTypeId)
    {
        lock (_pushes)
        {
            for (var i = _pushes.Count - 1; i >= 0; i--)
            {
                if (_pushes[i].TicketTypeId == ticketTypeId)
                {
                    return _pushes[i].Capacity - _pushes[i].Available;
                }
            }
        }

        return -1;
    }

    public async Task JoinAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await _hub.StartAsync(cancellationToken);
        await _hub.InvokeAsync("JoinEvent", eventId, cancellationToken);
    }

    public ValueTask DisposeAsync() => _hub.DisposeAsync();

    private void OnAvailability(JsonElement message, DateTimeOffset receivedAt)
    {
        try
        {
            var push = new AvailabilityPush(
                receivedAt,
                message.GetProperty("at").GetDateTimeOffset(),
                message.GetProperty("ticketTypeId").GetGuid(),
                message.GetProperty("available").GetInt32(),
                message.TryGetProperty("held", out var held) ? held.GetInt32() : 0,
                message.TryGetProperty("sold", out var sold) ? sold.GetInt32() : 0,
                message.TryGetProperty("capacity", out var capacity) ? capacity.GetInt32() : 0);
            lock (_pushes)
            {
                if (_pushes.Count < MaxPushes)
                {
                    _pushes.Add(push);
                }
            }
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            Interlocked.Increment(ref _malformed);
        }
    }
}
