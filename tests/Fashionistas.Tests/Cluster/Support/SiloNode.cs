using Fashionistas.Silo;
using Fashionistas.Silo.Cluster;
using Fashionistas.Silo.Persistence;
using Fashionistas.LoadTests.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fashionistas.Tests.Cluster.Support;

/// <summary>
/// A bare silo (no web, no product services) configured exactly as the server configures its own, on a test
/// database: the Orleans settings as a node would have them, the providers on that database's PostgreSQL.
/// </summary>
public sealed class SiloNode : IAsyncDisposable
{
    private readonly IHost _host;

    private SiloNode(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _host.Services;

    /// <summary>
    /// A bare silo, or with <paramref name="withProductServices"/> the silo host as <c>src/Silo</c> runs it (stores,
    /// grains' services, start-up data), whose grains a client-only web node can call.
    /// </summary>
    public static async Task<SiloNode> StartAsync(
        string connectionString, string clusterId, string clustering = "adonet", bool withProductServices = false, int? gatewayPort = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Orleans:Clustering"] = clustering,
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:ServiceId"] = clusterId,
            ["Orleans:SiloPort"] = FreeTcpPort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = (gatewayPort ?? FreeTcpPort.Next()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Fashionistas:DemoData:Enabled"] = "false",
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
        });
        if (withProductServices)
        {
            builder.AddSilo();
        }
        else
        {
            builder.Services.AddPostgres(builder.Configuration);
        }

        builder.AddOrleansSilo();
        var host = builder.Build();
        await host.StartAsync();
        return new SiloNode(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
