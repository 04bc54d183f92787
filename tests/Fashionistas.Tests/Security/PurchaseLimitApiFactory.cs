using Fashionistas.Tests.Infrastructure;
using Fashionistas.Web.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Fashionistas.Tests.Security;

/// <summary>
/// The server with the purchase path's default per-user limit and a low per-IP one, its purchase limiter on
/// <see cref="Clock"/> (which moves only when a test says), so every answer of a burst is decided by the limits alone.
/// </summary>
public sealed class PurchaseLimitApiFactory : ApiFactory
{
    public const int PerUserPerMinute = 60;
    public const int PerIpPerSecond = 150;

    public ManualTimeProvider Clock { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:PurchasePerUserPerMinute"] = PerUserPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:PurchasePerIpPerSecond"] = PerIpPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(_ => new PurchaseRateLimiter(
            new RateLimitOptions { PurchasePerUserPerMinute = PerUserPerMinute, PurchasePerIpPerSecond = PerIpPerSecond }, Clock)));
    }
}
