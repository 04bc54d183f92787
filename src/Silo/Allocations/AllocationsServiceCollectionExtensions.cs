using Fashionistas.Silo.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fashionistas.Silo.Allocations;

public static class AllocationsServiceCollectionExtensions
{
    /// <summary>
    /// Registers reserved allocations and the resolution of hold codes (section <c>Allocations</c>; needs
    /// <c>NpgsqlDataSource</c>, a <c>TimeProvider</c> and a grain factory).
    /// </summary>
    public static IServiceCollection AddAllocations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<AllocationOptions>(configuration.GetSection(AllocationOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AllocationStore>();
        services.TryAddSingleton<AllocationService>();
        services.TryAddSingleton<HoldCodeResolver>();
        return services;
    }
}
