namespace Fashionistas.Web.Security;

/// <summary>
/// Section <c>ForwardedHeaders</c>: behind a reverse proxy or load balancer, take the client's address and scheme from
/// <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c>, but only from the proxies listed here (anyone else could forge
/// them). Off by default: the server then sees the proxy's address, and every client behind it shares its limits.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    public bool Enabled { get; set; }

    /// <summary>Addresses of the trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. <c>10.0.0.0/8</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row the header is read back through (default 1).</summary>
    public int ForwardLimit { get; set; } = 1;
}
