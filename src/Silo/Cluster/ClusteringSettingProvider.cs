using Fashionistas.Silo.Cluster;
using Microsoft.Extensions.Configuration;
using Orleans;
using Orleans.Hosting;
using Orleans.Providers;

[assembly: RegisterProvider("Default", "Clustering", "Silo", typeof(ClusteringSettingProvider))]
[assembly: RegisterProvider("Default", "Clustering", "Client", typeof(ClusteringSettingProvider))]

namespace Fashionistas.Silo.Cluster;

/// <summary>
/// Orleans reads the <c>Orleans</c> configuration section itself and takes <c>Orleans:Clustering</c> for a provider
/// section: finding no <c>ProviderType</c> under our <c>Orleans:Clustering=adonet</c>, it asks for the provider named
/// "Default" and would stop the host when there is none. This is that provider, and it adds nothing: the clustering the
/// setting names is configured by <see cref="ClusterSiloBuilderExtensions.UseFashionistasCluster"/> and
/// <see cref="ClusterClientBuilderExtensions.UseFashionistasCluster"/>.
/// </summary>
internal sealed class ClusteringSettingProvider : IProviderBuilder<ISiloBuilder>, IProviderBuilder<IClientBuilder>
{
    public void Configure(ISiloBuilder builder, string? name, IConfigurationSection configurationSection)
    {
    }

    public void Configure(IClientBuilder builder, string? name, IConfigurationSection configurationSection)
    {
    }
}
