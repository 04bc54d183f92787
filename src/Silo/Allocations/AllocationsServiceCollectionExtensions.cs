using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fashionistas.Silo.Allocations;

public static class AllocationsServiceCollectionExtensions
{
    /// <summary>Registers reserved allocations and the resolution of hold codes (needs <c>NpgsqlDataSource</c> and a grain factory).</summary>
    public static IServiceCollection AddAllocations(this IServiceCollection services)
    {
        services.TryAddSingleton<AllocationStore>();
        services.TryAddSingleton<AllocationService>();
        services.TryAddSingleton<HoldCodeResolver>();
        return services;
    }
}
