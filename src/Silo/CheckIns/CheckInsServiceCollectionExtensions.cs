using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fashionistas.Silo.CheckIns;

public static class CheckInsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="CheckInService"/> (scans at the door). Needs AddTickets and the live dashboard.</summary>
    public static IServiceCollection AddCheckIns(this IServiceCollection services)
    {
        services.TryAddSingleton<CheckInService>();
        return services;
    }
}
