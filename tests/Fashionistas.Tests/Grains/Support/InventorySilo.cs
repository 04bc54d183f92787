using Fashionistas.Grains.Inventory;
using Fashionistas.Grains.Publishing;
using Fashionistas.Grains.Storage;
using Fashionistas.Silo.Inventory;
using Fashionistas.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace Fashionistas.Tests.Grains.Support;

/// <summary>
/// An Orleans test cluster (one silo unless told otherwise) running the event and ticket-type grains on a test
/// database, registered with <see cref="InventoryServiceCollectionExtensions.AddInventory"/> like the real host. The
/// grains read a manual clock (<see cref="GrainClock"/>); Orleans itself keeps the real one. Two clusters on the same
/// database in sequence model a restart; side by side, two activations of one key (see the fencing tests).
/// </summary>
public sealed class InventorySilo : IAsyncDisposable
{
    private InventorySilo(InProcessTestCluster cluster, ManualTimeProvider time, RecordingPublisher publisher)
    {
        Cluster = cluster;
        Time = time;
        Publisher = publisher;
    }

    public InProcessTestCluster Cluster { get; }

    public ManualTimeProvider Time { get; }

    public RecordingPublisher Publisher { get; }

    public static async Task<InventorySilo> StartAsync(
        NpgsqlDataSource dataSource,
        ManualTimeProvider? time = null,
        Action<InventoryOptions>? inventory = null,
        short silos = 1,
        Func<ITicketInventoryStore, ITicketInventoryStore>? wrapStore = null)
    {
        var clock = time ?? new ManualTimeProvider(TestData.Start);
        var publisher = new RecordingPublisher();
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) =>
        {
            var services = host.Services;
            services.AddKeyedSingleton<TimeProvider>(GrainClock.Key, clock);
            services.AddSingleton(dataSource);
            services.AddSingleton<IAvailabilityPublisher>(publisher);
            if (wrapStore is not null)
            {
                services.AddSingleton<ITicketInventoryStore>(
                    sp => wrapStore(ActivatorUtilities.CreateInstance<Silo.Persistence.Inventory.NpgsqlTicketInventoryStore>(sp)));
            }

            services.AddInventory(host.Configuration);

            if (inventory is not null)
            {
                services.Configure(inventory);
            }
        });
        builder.ConfigureSilo((_, silo) => silo
            .UseInMemoryReminderService()
            .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1)));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new InventorySilo(cluster, clock, publisher);
    }

    public TGrain Get<TGrain>(Guid key) where TGrain : IGrainWithGuidKey => Cluster.Client.GetGrain<TGrain>(key);

    /// <summary>Whether <paramref name="grain"/> has an activation on any silo of this cluster now.</summary>
    public bool IsActive(IAddressable grain) => Cluster.TryGetGrainContext(grain.GetGrainId(), out _);

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
