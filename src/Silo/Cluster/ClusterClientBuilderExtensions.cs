using Fashionistas.Silo.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;

namespace Fashionistas.Silo.Cluster;

public static class ClusterClientBuilderExtensions
{
    /// <summary>
    /// A silo-less node's way into the cluster: the gateways of the active silos, listed from the membership table in
    /// the application's PostgreSQL (or the local silo's gateway with localhost clustering).
    /// </summary>
    public static IClientBuilder UseFashionistasCluster(this IClientBuilder client, OrleansClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Clustering == ClusteringMode.AdoNet)
        {
            client.UseAdoNetClustering(o => o.Configure<PostgresDatabase>(ClusterSiloBuilderExtensions.OnDatabase<AdoNetClusteringClientOptions>((t, invariant, source) =>
            {
                t.Invariant = invariant;
                t.DataSource = source;
            })));
        }
        else
        {
            client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
        }

        client.Configure<ClusterOptions>(c =>
        {
            c.ClusterId = options.ClusterId;
            c.ServiceId = options.ServiceId;
        });
        // A client-only web node's traces continue into the silos' grain calls.
        client.AddActivityPropagation();
        client.AddDashboard();
        client.Services.AddSingleton(Options.Create(options));
        return client;
    }
}
