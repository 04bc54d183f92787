using Fashionistas.Grains.Inventory;
using Fashionistas.Grains.Storage;
using Fashionistas.LoadTests.Hosting;
using Fashionistas.Silo.Inventory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans;
using Orleans.Hosting;

namespace Fashionistas.LoadTests.Inventory;

/// <summary>
/// One Orleans silo with the inventory grains on a given database, without the web host: what the crash child and the
/// grain benchmark drive. It listens on a free loopback port without a gateway, so several run side by side. Logs go to
/// stderr, so stdout stays free for results.
/// </summary>
internal sealed class InventoryHost : IAsyncDisposable
{
    private const int StartAttempts = 3;

    private readonly IHost _host;

    private InventoryHost(IHost host)
    {
        _host = host;
        Store = host.Services.GetRequiredService<CountingInventoryStore>();
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    /// <summary>Counts the commits the grains make (batches and the rows in them).</summary>
    public CountingInventoryStore Store { get; }

    private IGrainFactory Grains { get; }

    public static async Task<InventoryHost> StartAsync(NpgsqlDataSource dataSource, Action<InventoryOptions>? inventory = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var host = Build(dataSource, inventory, FreeTcpPort.Next());
            try
            {
                await host.StartAsync();
                return new InventoryHost(host);
            }
            catch (Exception) when (attempt < StartAttempts)
            {
                // Most likely the port was taken between choosing and binding it: another port, another try.
                host.Dispose();
            }
        }
    }

    public TGrain Get<TGrain>(Guid key) where TGrain : IGrainWithGuidKey => Grains.GetGrain<TGrain>(key);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private static IHost Build(NpgsqlDataSource dataSource, Action<InventoryOptions>? inventory, int siloPort)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.SetMinimumLevel(LogLevel.Warning)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(dataSource);
        services.AddSingleton(sp => new CountingInventoryStore(
            ActivatorUtilities.CreateInstance<Silo.Persistence.Inventory.NpgsqlTicketInventoryStore>(sp)));
        services.AddSingleton<ITicketInventoryStore>(sp => sp.GetRequiredService<CountingInventoryStore>());
        services.AddInventory(builder.Configuration);
        if (inventory is not null)
        {
            services.Configure(inventory);
        }

        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort, gatewayPort: 0).UseInMemoryReminderService());
        return builder.Build();
    }
}
