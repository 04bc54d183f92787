using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Fashionistas.Grains.Contracts;
using Fashionistas.Web.Live.Messages;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Fashionistas.Tests.Live;

/// <summary>
/// A SignalR client (Microsoft.AspNetCore.SignalR.Client over WebSockets) on the live hub that keeps every message the
/// hub sends, stamped on arrival, so tests can wait for a matching one and compare arrival times.
/// </summary>
public sealed class LiveHubConnection : IAsyncDisposable
{
    private static readonly string[] Targets = [LiveMessageNames.Availability, LiveMessageNames.EventStatus, LiveMessageNames.Dashboard];

    private readonly HubConnection _connection;
    private readonly ConcurrentQueue<RecordedHubMessage> _messages = new();

    private LiveHubConnection(HubConnection connection)
    {
        _connection = connection;
        foreach (var target in Targets)
        {
            _connection.On<JsonElement>(target, argument =>
                _messages.Enqueue(new RecordedHubMessage(target, argument.Clone(), Stopwatch.GetTimestamp())));
        }
    }

    /// <summary>Every message so far, in arrival order.</summary>
    public IReadOnlyList<RecordedHubMessage> Messages => [.. _messages];

    /// <param name="hubUrl">http://.../hubs/live.</param>
    /// <param name="accessToken">Signs the connection in (SignalR's access token provider); null: anonymous.</param>
    /// <param name="tokenInQuery">Send the token only as the <c>access_token</c> query parameter, as browsers' WebSockets must.</param>
    public static async Task<LiveHubConnection> ConnectAsync(Uri hubUrl, string? accessToken = null, bool tokenInQuery = false)
    {
        ArgumentNullException.ThrowIfNull(hubUrl);
        var url = tokenInQuery && accessToken is not null ? new Uri(hubUrl + "?access_token=" + Uri.EscapeDataString(accessToken)) : hubUrl;
        var connection = new HubConnectionBuilder()
            .WithUrl(url, HttpTransportType.WebSockets, o =>
            {
                if (accessToken is not null && !tokenInQuery)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                }
            })
            .Build();
        var live = new LiveHubConnection(connection);
        try
        {
            await connection.StartAsync();
            return live;
        }
        catch
        {
            await live.DisposeAsync();
            throw;
        }
    }

    /// <summary>Invokes a hub method; a refusal throws <see cref="HubException"/> with the hub's message.</summary>
    public Task InvokeAsync(string method, params object?[] arguments) => _connection.InvokeCoreAsync(method, arguments);

    /// <summary>The first message to <paramref name="target"/> matching <paramref name="match"/>, waiting up to <paramref name="within"/>.</summary>
    public async Task<RecordedHubMessage?> WaitForAsync(string target, Func<JsonElement, bool> match, TimeSpan within)
    {
        ArgumentNullException.ThrowIfNull(match);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var found = _messages.FirstOrDefault(m => m.Target == target && match(m.Argument));
            if (found is not null || clock.Elapsed >= within || _connection.State == HubConnectionState.Disconnected)
            {
                return found;
            }

            // Polling only decides when to look: arrival times are stamped when the message is handled.
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
