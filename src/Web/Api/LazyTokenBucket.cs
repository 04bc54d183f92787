namespace Fashionistas.Web.Api;

/// <summary>
/// A token bucket refilled lazily: each access adds what the elapsed time earned (<c>limit</c> tokens per
/// <c>period</c>, never above <c>limit</c>), so no timer has to visit it. Thread-safe; times are
/// <see cref="TimeProvider.GetTimestamp"/> values.
/// </summary>
internal sealed class LazyTokenBucket(BucketShape shape, long now)
{
    private readonly Lock _lock = new();
    private double _tokens = shape.Limit;
    private long _refilledAt = now;
    private bool _evicted;

    /// <summary>
    /// Takes one token. <see cref="Take.Evicted"/> when the sweep has dropped this bucket: the caller looks its key
    /// up again, so no token is ever taken from a bucket nobody will see again.
    /// </summary>
    public Take TryTake(long now, out TimeSpan retryAfter)
    {
        lock (_lock)
        {
            retryAfter = TimeSpan.Zero;
            if (_evicted)
            {
                return Take.Evicted;
            }

            Refill(now);
            if (_tokens >= 1)
            {
                _tokens -= 1;
                return Take.Granted;
            }

            retryAfter = TimeSpan.FromSeconds((1 - _tokens) / shape.TokensPerSecond);
            return Take.Refused;
        }
    }

    /// <summary>Gives back a token taken by a request another limit refused.</summary>
    public void Refund()
    {
        lock (_lock)
        {
            _tokens = Math.Min(shape.Limit, _tokens + 1);
        }
    }

    /// <summary>Marks the bucket dropped when it has been full (unused) for at least <paramref name="idle"/>.</summary>
    public bool TryEvict(long now, TimeSpan idle)
    {
        lock (_lock)
        {
            // When the bucket became (or will become) full, from its last refill; a full bucket is a fresh one.
            var fullAt = _refilledAt + (long)((shape.Limit - _tokens) / shape.TokensPerSecond * shape.Frequency);
            _evicted = now - fullAt >= (long)(idle.TotalSeconds * shape.Frequency);
            return _evicted;
        }
    }

    private void Refill(long now)
    {
        // Callers read the clock before taking the lock, so a later caller may bring an earlier time: never go back.
        if (now <= _refilledAt)
        {
            return;
        }

        _tokens = Math.Min(shape.Limit, _tokens + ((now - _refilledAt) * shape.TokensPerSecond / shape.Frequency));
        _refilledAt = now;
    }

    public enum Take
    {
        Granted,
        Refused,
        Evicted,
    }
}

/// <summary><see cref="Limit"/> tokens per <c>period</c>; <see cref="Frequency"/> is the clock's timestamp frequency.</summary>
internal readonly record struct BucketShape(int Limit, double TokensPerSecond, long Frequency)
{
    public static BucketShape Of(int limit, TimeSpan period, TimeProvider clock) =>
        new(limit, limit / period.TotalSeconds, clock.TimestampFrequency);
}
