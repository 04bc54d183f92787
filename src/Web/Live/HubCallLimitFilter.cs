using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Fashionistas.Web.Live;

/// <summary>
/// A token bucket per hub connection (<see cref="LiveOptions.HubCallsPerSecond"/>, <see cref="LiveOptions.HubCallBurst"/>):
/// a client that calls faster is refused with a <see cref="HubException"/> (the connection stays open), so one
/// connection cannot turn the hub's joins into a flood of event reads.
/// </summary>
public sealed class HubCallLimitFilter(IOptions<LiveOptions> options, TimeProvider time) : IHubFilter
{
    public const string Refusal = "Too many calls on this connection; slow down.";

    public ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var items = invocationContext.Context.Items;
        var o = options.Value;
        Bucket bucket;
        lock (items)
        {
            if (items.TryGetValue(typeof(HubCallLimitFilter), out var existing) && existing is Bucket found)
            {
                bucket = found;
            }
            else
            {
                bucket = new Bucket(o.HubCallBurst, time.GetTimestamp());
                items[typeof(HubCallLimitFilter)] = bucket;
            }
        }

        return bucket.TryTake(o, time) ? next(invocationContext) : throw new HubException(Refusal);
    }

    private sealed class Bucket(double tokens, long refilledAt)
    {
        private readonly Lock _lock = new();
        private double _tokens = tokens;
        private long _refilledAt = refilledAt;

        public bool TryTake(LiveOptions o, TimeProvider time)
        {
            lock (_lock)
            {
                var now = time.GetTimestamp();
                _tokens = Math.Min(o.HubCallBurst, _tokens + (time.GetElapsedTime(_refilledAt, now).TotalSeconds * o.HubCallsPerSecond));
                _refilledAt = now;
                if (_tokens < 1)
                {
                    return false;
                }

                _tokens--;
                return true;
            }
        }
    }
}
