using System.Globalization;
using System.Threading.RateLimiting;
using Fashionistas.Silo.Configuration;
using Fashionistas.Web.Auth;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Fashionistas.Web.Api;

/// <summary>
/// Rate limits: the purchase path's per-IP and per-user limits (<see cref="PurchaseRateLimiter"/>, the global limiter);
/// the policies <see cref="AuthPolicy"/> and <see cref="RecoveryPolicy"/> (reset and verification links; each address
/// is limited again in the database) each IP.
/// </summary>
public static class RateLimits
{
    public const string AuthPolicy = "auth";
    public const string RecoveryPolicy = "recovery";

    /// <summary>Puts a route group on the purchase path: per-user and per-IP limits, and a confirmed e-mail.</summary>
    public static RouteGroupBuilder OnPurchasePath(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<VerifiedBuyerFilter>();
        return group.WithMetadata(new PurchaseEndpoint());
    }

    public static IServiceCollection AddTicketingRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton(sp => new PurchaseRateLimiter(sp.GetRequiredService<IOptions<RateLimitOptions>>().Value, TimeProvider.System));
        services.AddOptions<RateLimiterOptions>().Configure<PurchaseRateLimiter>((limiter, purchase) => limiter.GlobalLimiter = purchase);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests; slow down and retry." },
                });
            };
            limiter.AddPolicy(AuthPolicy, http =>
            {
                var o = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetTokenBucketLimiter("ip:" + ClientIp(http), _ => Bucket(o.AuthPerIpPerMinute, TimeSpan.FromMinutes(1)));
            });
            limiter.AddPolicy(RecoveryPolicy, http =>
            {
                var o = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetTokenBucketLimiter("ip:" + ClientIp(http), _ => Bucket(o.RecoveryPerIpPerHour, TimeSpan.FromHours(1)));
            });
        });
        return services;
    }

    internal static TokenBucketRateLimiterOptions Bucket(int permits, TimeSpan period) => new()
    {
        TokenLimit = permits,
        TokensPerPeriod = permits,
        ReplenishmentPeriod = period,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    internal static string ClientIp(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
