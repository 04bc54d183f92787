using System.Security.Cryptography;
using Fashionistas.Grains.Inventory;
using Fashionistas.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Fashionistas.Tests.Codes;

/// <summary>
/// The whole server with the grains on a manual clock (holds expire when the test says so) and a signing key the test
/// knows, so thousands of buyers can be inserted and signed in directly (as the load generator's --fast-setup).
/// </summary>
public sealed class CodesApiFactory : ApiFactory
{
    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    /// <summary>The clock the grains read; it starts at the real time and moves only when a test advances it.</summary>
    public ManualTimeProvider GrainTime { get; } = new(DateTimeOffset.UtcNow);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:SigningKey"] = SigningKey,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddKeyedSingleton<TimeProvider>(GrainClock.Key, GrainTime));
    }
}
