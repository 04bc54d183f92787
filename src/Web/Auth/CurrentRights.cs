using System.Collections.Concurrent;
using Fashionistas.Silo.Accounts;
using Microsoft.Extensions.Options;

namespace Fashionistas.Web.Auth;

/// <summary>
/// Users' current security stamps, read from the database and kept for <see cref="RightsOptions.StampCacheDuration"/>.
/// Reads are batched like a group commit: one query is in flight at a time and takes every user asked for meanwhile,
/// so a flash sale's crowd of first requests costs a few queries and a handful of connections, not one each.
/// </summary>
public sealed class CurrentRights(UserStore users, IOptions<RightsOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, (Guid? Stamp, DateTimeOffset ReadAt)> _stamps = new();
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<Guid, long> _forgottenAt = new();
    private Dictionary<Guid, TaskCompletionSource<Guid?>> _pending = [];
    private bool _reading;
    private long _generation;

    /// <summary>True when <paramref name="stamp"/> is still <paramref name="userId"/>'s stamp (false also when the user is gone).</summary>
    public async Task<bool> IsCurrentAsync(Guid userId, string stamp, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(stamp, "N", out var claimed))
        {
            return false;
        }

        var o = options.Value;
        // A cached match is trusted for the cache time; a mismatch is read again, because the token may be newer than
        // what this node cached (the user signed in again on another node after a change made there).
        if (_stamps.TryGetValue(userId, out var cached) && time.GetUtcNow() - cached.ReadAt < o.StampCacheDuration
            && cached.Stamp == claimed)
        {
            return true;
        }

        return await ReadAsync(userId).WaitAsync(cancellationToken) == claimed;
    }

    /// <summary>Forgets what this node knows of the user, after it changed their roles or password.</summary>
    public void Forget(Guid userId)
    {
        _forgottenAt[userId] = Interlocked.Increment(ref _generation);
        _stamps.TryRemove(userId, out _);
    }

    private Task<Guid?> ReadAsync(Guid userId)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(userId, out var waiting))
            {
                waiting = new TaskCompletionSource<Guid?>(TaskCreationOptions.RunContinuationsAsynchronously);
                _pending[userId] = waiting;
            }

            if (!_reading)
            {
                _reading = true;
                _ = Task.Run(ReadBatchesAsync);
            }

            return waiting.Task;
        }
    }

    private async Task ReadBatchesAsync()
    {
        while (true)
        {
            Dictionary<Guid, TaskCompletionSource<Guid?>> batch;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _reading = false;
                    return;
                }

                batch = _pending;
                _pending = [];
            }

            var startedAt = Interlocked.Read(ref _generation);
            try
            {
                // Not the callers' cancellation: the batch serves many; each caller stops waiting on its own.
                var stamps = await users.SecurityStampsAsync(batch.Keys, CancellationToken.None);
                var readAt = time.GetUtcNow();
                var o = options.Value;
                if (_stamps.Count + batch.Count > o.MaxCachedUsers)
                {
                    _stamps.Clear();
                }

                foreach (var (userId, waiting) in batch)
                {
                    Guid? current = stamps.TryGetValue(userId, out var found) ? found : null;
                    // A read that began before this node changed the user may have seen the old stamp: answer it, never keep it.
                    if (!_forgottenAt.TryGetValue(userId, out var forgotten) || forgotten <= startedAt)
                    {
                        _stamps[userId] = (current, readAt);
                    }

                    waiting.TrySetResult(current);
                }
            }
            catch (Exception failure)
            {
                // The database is unreachable: every caller of this batch fails (503 at the edge), none is let in.
                foreach (var waiting in batch.Values)
                {
                    waiting.TrySetException(failure);
                }
            }
        }
    }
}
