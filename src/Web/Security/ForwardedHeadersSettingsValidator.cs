using System.Net;
using Microsoft.Extensions.Options;

namespace Fashionistas.Web.Security;

/// <summary>Enabled forwarded headers need at least one trusted proxy or network, each a valid address or CIDR.</summary>
public sealed class ForwardedHeadersSettingsValidator : IValidateOptions<ForwardedHeadersSettings>
{
    public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (options.KnownProxies.Length == 0 && options.KnownNetworks.Length == 0)
        {
            errors.Add("ForwardedHeaders:Enabled needs ForwardedHeaders:KnownProxies or ForwardedHeaders:KnownNetworks: only trusted proxies may set them.");
        }

        errors.AddRange(options.KnownProxies.Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => $"ForwardedHeaders:KnownProxies: '{p}' is not an IP address."));
        errors.AddRange(options.KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _))
            .Select(n => $"ForwardedHeaders:KnownNetworks: '{n}' is not a network in CIDR form."));
        if (options.ForwardLimit is < 1 or > 10)
        {
            errors.Add("ForwardedHeaders:ForwardLimit must be 1 to 10.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
