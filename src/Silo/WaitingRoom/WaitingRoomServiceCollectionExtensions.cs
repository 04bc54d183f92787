using Fashionistas.Grains.Storage;
using Fashionistas.Grains.WaitingRoom;
using Fashionistas.Silo.Configuration;
using Fashionistas.Silo.Persistence.WaitingRoom;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fashionistas.Silo.WaitingRoom;

/// <summary>Registration of waiting rooms: their store, the ticket type → event lookup their gate uses, and <see cref="WaitingRoomOptions"/> (section "WaitingRoom").</summary>
public static class WaitingRoomServiceCollectionExtensions
{
    public static IServiceCollection AddWaitingRooms(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<WaitingRoomOptions, WaitingRoomOptionsValidator>(configuration.GetSection(WaitingRoomOptions.SectionName));
        services.TryAddSingleton<IWaitingRoomStore, NpgsqlWaitingRoomStore>();
        services.TryAddSingleton<TicketTypeEvents>();
        return services;
    }
}
