using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Tickets;

public static class TicketsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="TicketQrRenderer"/> (options section <c>Tickets:Qr</c>); codes come from <c>TicketCodes</c>.</summary>
    public static IServiceCollection AddTickets(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TicketQrOptions>()
            .Bind(configuration.GetSection(TicketQrOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TicketQrOptions>, TicketQrOptionsValidator>());
        services.TryAddSingleton<TicketQrRenderer>();
        return services;
    }
}
