using System.Collections.Concurrent;
using Fashionistas.Silo.Accounts;
using Microsoft.Extensions.Options;

namespace Fashionistas.Web.Auth;

/// <summary>
/// Users' current security stamps, read from the database and kept for <see cref="RightsOptions.StampCacheDuration"/>
/// so the check costs one query per user per interval, not one per request.
/// </summary>
public sealed class CurrentRights(UserStore users, IOptions<RightsOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, (Guid? Stamp, DateTimeOffset ReadAt)> _stamps = new();

    /// <summary>True when <paramref name="stamp"/> is still <paramref name="userId"/>'s stamp (false also when the user is gone).</summary>
    public async Task<bool> IsCurrentAsync(Guid userId, string stamp, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(stamp, "N", out var claimed))
        {
            return false;
        }

        var o = options.Value;
        var now = time.GetUtcNow();
        if (_stamps.TryGetValue(userId, out var cached) && now - cached.ReadAt < o.StampCacheDuration)
        {
            return cached.Stamp == claimed;
        }

        var current = await users.SecurityStampAsync(userId, cancellationToken);
        if (_stamps.Count >= o.MaxCachedUsers)
        {
            _stamps.Clear();
        }

        _stamps[userId] = (current, now);
        return current == claimed;
    }

    /// <summary>Forgets what this node knows of the user, after it changed their roles or password.</summary>
    public void Forget(Guid userId) => _stamps.TryRemove(userId, out _);
}
