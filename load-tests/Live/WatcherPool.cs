using System.Collections.Concurrent;
using System.Diagnostics;

namespace Fashionistas.LoadTests.Live;

/// <summary>W watchers joined to one event; joins in parallel (bounded) and records why any failed.</summary>
public sealed class WatcherPool : IAsyncDisposable
{
    private const int JoinParallelism = 32;
    private readonly List<Watcher> _joined = [];
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);

    private WatcherPool(int requested) => Requested = requested;

    public int Requested { get; }

    public IReadOnlyList<Watcher> Joined => _joined;

    public IReadOnlyDictionary<string, int> Failures => _failures;

    public static async Task<WatcherPool> JoinAsync(
        Uri hubUrl, Guid eventId, IReadOnlyList<string?> tokens, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var pool = new WatcherPool(count);
        var joined = new ConcurrentBag<Watcher>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = JoinParallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var watcher = new Watcher(hubUrl, tokens.Count == 0 ? null : tokens[i % tokens.Count]);
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    timeout.CancelAfter(TimeSpan.FromSeconds(30));
                    await watcher.JoinAsync(eventId, timeout.Token);
                    joined.Add(watcher);
                }
                catch (Exception ex) when (ex is Microsoft.AspNetCore.SignalR.HubException or HttpRequestException or System.Net.WebSockets.WebSocketException
                    or IOException or InvalidOperationException or OperationCanceledException)
                {
                    pool._failures.AddOrUpdate($"{ex.GetType().Name}: {ex.Message}", 1, static (_, n) => n + 1);
                    await watcher.DisposeAsync();
                }
            });
        pool._joined.AddRange(joined);
        return pool;
    }

    /// <summary>Waits (bounded) until every watcher has seen <paramref name="taken"/> seats taken on the ticket type.</summary>
    public async Task<bool> WaitForTakenAsync(Guid ticketTypeId, int taken, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_joined.All(w => w.LatestTaken(ticketTypeId) >= taken))
            {
                return true;
            }

            await Task.Delay(50, cancellationToken);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(_joined, async (w, _) => await w.DisposeAsync());
    }
}
