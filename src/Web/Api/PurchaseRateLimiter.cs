using System.Threading.RateLimiting;
using Fashionistas.Web.Auth;

namespace Fashionistas.Web.Api;

/// <summary>
/// The purchase path's limits (<see cref="RateLimitOptions.PurchasePerIpPerSecond"/> per client IP, then
/// <see cref="RateLimitOptions.PurchasePerUserPerMinute"/> per user) as the rate-limiting middleware's global limiter.
/// Lazily refilled buckets: a request costs two dictionary look-ups and two short locks, and only a sweep once a
/// minute visits idle buckets (the partitioned limiters of ASP.NET Core visit every bucket each 100 ms).
/// Other routes pass untouched.
/// </summary>
public sealed class PurchaseRateLimiter : PartitionedRateLimiter<HttpContext>
{
    /// <summary>How long a bucket stays full before the sweep drops it, and how often the sweep runs.</summary>
    internal static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(1);

    private readonly LazyBucketSet<string> _ips;
    private readonly LazyBucketSet<Guid> _users;
    private readonly LazyBucketSet<string> _anonymous;
    private readonly ITimer _sweep;

    public PurchaseRateLimiter(RateLimitOptions options, TimeProvider clock)
    {
        _ips = new(BucketShape.Of(options.PurchasePerIpPerSecond, TimeSpan.FromSeconds(1), clock), clock);
        var perUser = BucketShape.Of(options.PurchasePerUserPerMinute, TimeSpan.FromMinutes(1), clock);
        _users = new(perUser, clock);
        _anonymous = new(perUser, clock);
        _sweep = clock.CreateTimer(_ => Sweep(), null, IdleAfter, IdleAfter);
    }

    /// <summary>Buckets kept (IPs, users, anonymous clients), for tests.</summary>
    internal int BucketCount => _ips.Count + _users.Count + _anonymous.Count;

    internal void Sweep()
    {
        _ips.Sweep(IdleAfter);
        _users.Sweep(IdleAfter);
        _anonymous.Sweep(IdleAfter);
    }

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        if (permitCount == 0 || resource.GetEndpoint()?.Metadata.GetMetadata<PurchaseEndpoint>() is null)
        {
            return Lease.Granted;
        }

        var ip = RateLimits.ClientIp(resource);
        if (!_ips.TryTake(ip, out var retryAfter))
        {
            return new Lease(retryAfter);
        }

        var granted = resource.User.TryUserId() is { } user
            ? _users.TryTake(user, out retryAfter)
            : _anonymous.TryTake(ip, out retryAfter);
        if (granted)
        {
            return Lease.Granted;
        }

        _ips.Refund(ip);
        return new Lease(retryAfter);
    }

    /// <summary>Nothing queues (as with the former QueueLimit 0): waiting is answering now.</summary>
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sweep.Dispose();
        }
    }

    private sealed class Lease(TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(null);

        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } after && metadataName == MetadataName.RetryAfter.Name ? after : null;
            return metadata is not null;
        }
    }
}
