namespace Fashionistas.Tests.Security;

/// <summary>As <see cref="TrustedProxyApiFactory"/>, but the only trusted proxy is an address the tests never connect from.</summary>
public sealed class UntrustedProxyApiFactory : TrustedProxyApiFactory
{
    protected override string Proxy => "192.0.2.10";
}
