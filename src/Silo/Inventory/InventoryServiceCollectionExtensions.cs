using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Events;
using Fashionistas.Grains.Inventory;
using Fashionistas.Grains.Publishing;
using Fashionistas.Grains.Storage;
using Fashionistas.Silo.Configuration;
using Fashionistas.Silo.Persistence.Events;
using Fashionistas.Silo.Persistence.Inventory;
using Fashionistas.Silo.Persistence;
using Fashionistas.Silo.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Fashionistas.Silo.Inventory;

/// <summary>Registration of events and the ticket inventory: grains, PostgreSQL stores, options and the publisher.</summary>
public static class InventoryServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IEventGrain"/> and <see cref="ITicketTypeGrain"/> with their stores, and
    /// <see cref="InventoryOptions"/> bound from the "Inventory" section of <paramref name="configuration"/>
    /// (validated on start). Needs an <c>NpgsqlDataSource</c> in the container; the grains themselves are found by
    /// Orleans in the Grains assembly.
    /// <see cref="IAvailabilityPublisher"/> and <see cref="ILiveDashboard"/> default to no-ops; register others before or
    /// replace them after.
    /// </summary>
    public static IServiceCollection AddInventory(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<InventoryOptions, InventoryOptionsValidator>(configuration.GetSection(InventoryOptions.SectionName));
        // The host registers a pool of its own for the inventory (AddPostgres); elsewhere it shares the one data source.
        services.TryAddSingleton(sp => new InventoryDataSource(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton<ITicketInventoryStore, NpgsqlTicketInventoryStore>();
        services.TryAddSingleton<IEventStore, NpgsqlEventStore>();
        services.TryAddSingleton<IAvailabilityPublisher, NullAvailabilityPublisher>();
        services.TryAddSingleton<ILiveDashboard, NullLiveDashboard>();
        services.TryAddSingleton<TicketCodeGenerator>();
        services.TryAddSingleton<ITicketCodeSource, TicketCodeSource>();
        return services;
    }
}
