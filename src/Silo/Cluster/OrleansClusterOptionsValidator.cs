using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Cluster;

/// <summary>Refuses cluster settings that would only fail later, when silos try to meet.</summary>
public sealed class OrleansClusterOptionsValidator : IValidateOptions<OrleansClusterOptions>
{
    private const int LastPort = 65535;

    public ValidateOptionsResult Validate(string? name, OrleansClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Clustering))
        {
            failures.Add("Orleans:Clustering must be localhost or adonet.");
        }

        if (!Enum.IsDefined(options.Role))
        {
            failures.Add("Orleans:Role must be silo or client.");
        }

        if (string.IsNullOrWhiteSpace(options.ClusterId))
        {
            failures.Add("Orleans:ClusterId is required.");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            failures.Add("Orleans:ServiceId is required.");
        }

        if (options.SiloPort is < 1 or > LastPort)
        {
            failures.Add($"Orleans:SiloPort must be between 1 and {LastPort}.");
        }

        if (options.GatewayPort is < 0 or > LastPort)
        {
            failures.Add($"Orleans:GatewayPort must be between 0 (no gateway) and {LastPort}.");
        }

        if (options.GatewayPort != 0 && options.SiloPort == options.GatewayPort)
        {
            failures.Add("Orleans:SiloPort and Orleans:GatewayPort must differ.");
        }

        if (!string.IsNullOrWhiteSpace(options.AdvertisedIP) && !IPAddress.TryParse(options.AdvertisedIP.Trim(), out _))
        {
            failures.Add("Orleans:AdvertisedIP must be an IP address (e.g. 10.0.0.5), not a host name.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// The settings from <paramref name="section"/>, checked now: the silo or client is configured from them while the
    /// host is being built, before options validation on start could run.
    /// </summary>
    public static OrleansClusterOptions Read(IConfiguration section)
    {
        var options = new OrleansClusterOptions();
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            // An unknown word for an enum setting (Orleans:Clustering, Orleans:Role) or a port that is not a number.
            throw new OptionsValidationException(Options.DefaultName, typeof(OrleansClusterOptions), [exception.Message]);
        }

        var result = new OrleansClusterOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(OrleansClusterOptions), result.Failures);
        }

        return options;
    }
}
