using Fashionistas.Grains.Inventory;
using Fashionistas.Grains.Runtime;
using Fashionistas.Grains.Storage;
using Fashionistas.Silo.Inventory;
using Fashionistas.Silo.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fashionistas.LoadTests.Inventory;

/// <summary>
/// The grain runtime with the inventory grains on a given database, without the web host: what the
/// crash child and the grain benchmark drive. Logs go to stderr, so stdout stays free for results.
/// </summary>
internal sealed class InventoryHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private InventoryHost(ServiceProvider services)
    {
        _services = services;
        Runtime = services.GetRequiredService<GrainRuntime>();
        Store = services.GetRequiredService<CountingInventoryStore>();
    }

    public GrainRuntime Runtime { get; }

    /// <summary>Counts the commits the grains make (batches and the rows in them).</summary>
    public CountingInventoryStore Store { get; }

    public static async Task<InventoryHost> StartAsync(
        NpgsqlDataSource dataSource, Action<GrainRuntimeOptions>? runtime = null, Action<InventoryOptions>? inventory = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(dataSource);
        services.AddGrainRuntime(runtime);
        services.AddInventory(new ConfigurationBuilder().Build());
        services.AddSingleton(sp => new CountingInventoryStore(
            ActivatorUtilities.CreateInstance<Silo.Persistence.Inventory.NpgsqlTicketInventoryStore>(sp)));
        services.AddSingleton<ITicketInventoryStore>(sp => sp.GetRequiredService<CountingInventoryStore>());
        if (inventory is not null)
        {
            services.Configure(inventory);
        }

        var provider = services.BuildServiceProvider();
        var host = new InventoryHost(provider);
        await host.Runtime.StartAsync(CancellationToken.None);
        return host;
    }

    public TGrain Get<TGrain>(Guid key) where TGrain : class, IGrainWithGuidKey => Runtime.Get<TGrain>(key);

    public async ValueTask DisposeAsync()
    {
        await Runtime.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
