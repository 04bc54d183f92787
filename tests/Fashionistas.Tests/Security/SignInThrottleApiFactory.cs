using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Security;

/// <summary>The server with <see cref="FreeAttempts"/> sign-in attempts per account before it must wait.</summary>
public sealed class SignInThrottleApiFactory : ApiFactory
{
    public const int FreeAttempts = 3;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:SignIn:FreeAttempts"] = FreeAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:SignIn:FirstDelay"] = "00:00:30",
    };
}
