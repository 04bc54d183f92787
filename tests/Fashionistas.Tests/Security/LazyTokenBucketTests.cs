using Fashionistas.Tests.Infrastructure;
using Fashionistas.Web.Api;

namespace Fashionistas.Tests.Security;

/// <summary>The purchase path's lazily refilled buckets: refill maths and the idle sweep, on a clock that moves only when told.</summary>
public sealed class LazyTokenBucketTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void AFreshBucketGrantsItsLimitThenRefusesUntilTheTimeOfOneToken()
    {
        var bucket = Bucket(limit: 60, TimeSpan.FromMinutes(1));

        var granted = Enumerable.Range(0, 100).Count(i => bucket.TryTake(_clock.GetTimestamp(), out _) == LazyTokenBucket.Take.Granted);
        var refused = bucket.TryTake(_clock.GetTimestamp(), out var retryAfter);

        Assert.Equal(60, granted);
        Assert.Equal(LazyTokenBucket.Take.Refused, refused);
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
    }

    [Fact]
    public void ElapsedTimeEarnsTokensInProportionNeverAboveTheLimit()
    {
        var bucket = Bucket(limit: 60, TimeSpan.FromMinutes(1));
        Drain(bucket);

        _clock.Advance(TimeSpan.FromSeconds(10.5));
        Assert.Equal(10, Drain(bucket));
        Assert.Equal(LazyTokenBucket.Take.Refused, bucket.TryTake(_clock.GetTimestamp(), out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(0.5), retryAfter);

        _clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(60, Drain(bucket));
    }

    [Fact]
    public void AnEarlierTimeThanTheLastRefillAddsNothing()
    {
        var bucket = Bucket(limit: 10, TimeSpan.FromSeconds(1));
        var before = _clock.GetTimestamp();
        _clock.Advance(TimeSpan.FromSeconds(1));
        Drain(bucket);

        Assert.Equal(LazyTokenBucket.Take.Refused, bucket.TryTake(before, out _));
    }

    [Fact]
    public void ARefundGivesBackOneTokenButNotAboveTheLimit()
    {
        var bucket = Bucket(limit: 2, TimeSpan.FromMinutes(1));
        bucket.Refund();
        Assert.Equal(2, Drain(bucket));

        bucket.Refund();
        Assert.Equal(1, Drain(bucket));
    }

    [Fact]
    public void TheSweepDropsOnlyBucketsFullForAMinuteAndADroppedBucketIsNeverTakenFrom()
    {
        var bucket = Bucket(limit: 60, TimeSpan.FromMinutes(1));
        bucket.TryTake(_clock.GetTimestamp(), out _);

        // One token back after 1 s: full from then on, so not yet idle for a minute at 60 s, and idle at 61 s.
        _clock.Advance(TimeSpan.FromSeconds(60));
        Assert.False(bucket.TryEvict(_clock.GetTimestamp(), PurchaseRateLimiter.IdleAfter));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(bucket.TryEvict(_clock.GetTimestamp(), PurchaseRateLimiter.IdleAfter));

        Assert.Equal(LazyTokenBucket.Take.Evicted, bucket.TryTake(_clock.GetTimestamp(), out _));
    }

    [Fact]
    public void ASetKeepsItsLimitPerKeyAcrossSweeps()
    {
        var set = new LazyBucketSet<string>(BucketShape.Of(5, TimeSpan.FromMinutes(1), _clock), _clock);
        Assert.Equal(5, Enumerable.Range(0, 9).Count(i => set.TryTake("a", out _)));
        Assert.True(set.TryTake("b", out _));

        // "b" (4 of 5 left) is full after 12 s; "a" (empty) after 60 s.
        _clock.Advance(TimeSpan.FromSeconds(75));
        set.Sweep(PurchaseRateLimiter.IdleAfter);
        Assert.Equal(1, set.Count);

        Assert.Equal(5, Enumerable.Range(0, 9).Count(i => set.TryTake("a", out _)));
        Assert.Equal(5, Enumerable.Range(0, 9).Count(i => set.TryTake("b", out _)));
        Assert.Equal(2, set.Count);
    }

    [Fact]
    public async Task ParallelTakersNeverGetMoreThanTheLimitWhileTheSweepRuns()
    {
        var set = new LazyBucketSet<string>(BucketShape.Of(1_000, TimeSpan.FromMinutes(1), _clock), _clock);
        var sweeping = new CancellationTokenSource();
        var sweeper = Task.Run(() =>
        {
            while (!sweeping.IsCancellationRequested)
            {
                set.Sweep(TimeSpan.Zero);
            }
        });

        var granted = 0;
        await Parallel.ForAsync(0, 20_000, (_, _) =>
        {
            if (set.TryTake("buyer", out _))
            {
                Interlocked.Increment(ref granted);
            }

            return ValueTask.CompletedTask;
        });
        await sweeping.CancelAsync();
        await sweeper;

        Assert.Equal(1_000, granted);
    }

    private LazyTokenBucket Bucket(int limit, TimeSpan period) =>
        new(BucketShape.Of(limit, period, _clock), _clock.GetTimestamp());

    private int Drain(LazyTokenBucket bucket)
    {
        var taken = 0;
        while (bucket.TryTake(_clock.GetTimestamp(), out _) == LazyTokenBucket.Take.Granted)
        {
            taken++;
        }

        return taken;
    }
}
