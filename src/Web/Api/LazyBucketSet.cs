using System.Collections.Concurrent;

namespace Fashionistas.Web.Api;

/// <summary>
/// One <see cref="LazyTokenBucket"/> per key, created full on first use; <see cref="Sweep"/> drops buckets that have
/// been full (unused) for a while, which a recreated full bucket replaces exactly.
/// </summary>
internal sealed class LazyBucketSet<TKey>(BucketShape shape, TimeProvider clock)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, LazyTokenBucket> _buckets = new();

    public int Count => _buckets.Count;

    public bool TryTake(TKey key, out TimeSpan retryAfter)
    {
        while (true)
        {
            var now = clock.GetTimestamp();
            if (!_buckets.TryGetValue(key, out var bucket))
            {
                bucket = _buckets.GetOrAdd(key, static (_, s) => new LazyTokenBucket(s.Shape, s.Now), (Shape: shape, Now: now));
            }

            var take = bucket.TryTake(now, out retryAfter);
            if (take != LazyTokenBucket.Take.Evicted)
            {
                return take == LazyTokenBucket.Take.Granted;
            }
        }
    }

    public void Refund(TKey key)
    {
        if (_buckets.TryGetValue(key, out var bucket))
        {
            bucket.Refund();
        }
    }

    public void Sweep(TimeSpan idle)
    {
        var now = clock.GetTimestamp();
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.TryEvict(now, idle))
            {
                _buckets.TryRemove(new KeyValuePair<TKey, LazyTokenBucket>(key, bucket));
            }
        }
    }
}
