using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Security;

/// <summary>
/// The server behind a proxy at 127.0.0.1 (where the tests connect from), with HSTS on and only
/// <see cref="SignInsPerIp"/> sign-ins per client address per minute.
/// </summary>
public class TrustedProxyApiFactory : ApiFactory
{
    public const int SignInsPerIp = 3;

    /// <summary>Where the trusted proxy is; the untrusted variant names an address the tests never connect from.</summary>
    protected virtual string Proxy => "127.0.0.1";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ForwardedHeaders:Enabled"] = "true",
        ["ForwardedHeaders:KnownProxies:0"] = Proxy,
        ["Hsts:Enabled"] = "true",
        ["RateLimiting:AuthPerIpPerMinute"] = SignInsPerIp.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
