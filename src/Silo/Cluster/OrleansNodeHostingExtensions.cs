using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting;

namespace Fashionistas.Silo.Cluster;

public static class OrleansNodeHostingExtensions
{
    /// <summary>This process hosts a silo of the cluster the <c>Orleans</c> settings describe.</summary>
    public static IHostApplicationBuilder AddOrleansSilo(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = OrleansClusterOptionsValidator.Read(builder.Configuration.GetSection(OrleansClusterOptions.Section));
        builder.UseOrleans(silo =>
        {
            silo.UseFashionistasCluster(options);
            configure?.Invoke(silo);
        });
        return builder;
    }

    /// <summary>
    /// A web node: hosts a silo (<c>Orleans:Role=silo</c>, the default) or, with <c>Orleans:Role=client</c>, runs no
    /// grains and calls the cluster's silos through their gateways.
    /// </summary>
    public static IHostApplicationBuilder AddOrleansNode(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configureSilo = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = OrleansClusterOptionsValidator.Read(builder.Configuration.GetSection(OrleansClusterOptions.Section));
        if (options.Role == NodeRole.Client)
        {
            builder.UseOrleansClient(client => client.UseFashionistasCluster(options));
            return builder;
        }

        return builder.AddOrleansSilo(configureSilo);
    }
}
