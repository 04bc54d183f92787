using Fashionistas.Silo.Cluster;
using Microsoft.Extensions.Hosting;

namespace Fashionistas.Silo;

/// <summary>
/// <c>dotnet run --project src/Silo</c>: a silo of the cluster and nothing else (no HTTP API): the database (migrations,
/// start-up data), the grains and the background work. Web nodes reach it as co-hosted silos' peers or as clients.
/// </summary>
public static class SiloProgram
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddSilo();
        builder.AddOrleansSilo();
        await builder.Build().RunAsync();
    }
}
