using Fashionistas.Grains.Inventory;
using Fashionistas.Grains.Publishing;
using Fashionistas.Grains.Runtime;
using Fashionistas.Silo.Inventory;
using Fashionistas.Silo.Runtime;
using Fashionistas.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fashionistas.Tests.Grains.Support;

/// <summary>
/// The grain runtime with the event and ticket-type grains on a test database, built with
/// <see cref="InventoryServiceCollectionExtensions.AddInventory"/> like the real host, on a manual clock.
/// Two silos on the same database in sequence model a restart.
/// </summary>
public sealed class InventorySilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private InventorySilo(ServiceProvider services)
    {
        _services = services;
        Runtime = services.GetRequiredService<GrainRuntime>();
        Time = (ManualTimeProvider)services.GetRequiredService<TimeProvider>();
        Publisher = services.GetRequiredService<RecordingPublisher>();
    }

    public GrainRuntime Runtime { get; }

    public ManualTimeProvider Time { get; }

    public RecordingPublisher Publisher { get; }

    public static async Task<InventorySilo> StartAsync(
        NpgsqlDataSource dataSource,
        ManualTimeProvider? time = null,
        Action<GrainRuntimeOptions>? runtime = null,
        Action<InventoryOptions>? inventory = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time ?? new ManualTimeProvider(TestData.Start));
        services.AddSingleton(dataSource);
        services.AddSingleton<RecordingPublisher>();
        services.AddSingleton<IAvailabilityPublisher>(sp => sp.GetRequiredService<RecordingPublisher>());
        services.AddGrainRuntime(runtime);
        services.AddInventory(new ConfigurationBuilder().Build());
        if (inventory is not null)
        {
            services.Configure(inventory);
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var silo = new InventorySilo(provider);
        await silo.Runtime.StartAsync(CancellationToken.None);
        return silo;
    }

    public TGrain Get<TGrain>(Guid key) where TGrain : class, IGrainWithGuidKey => Runtime.Get<TGrain>(key);

    public async ValueTask DisposeAsync()
    {
        await Runtime.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
