using Fashionistas.Silo.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fashionistas.Silo.Tickets;

public static class TicketsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="TicketCodeGenerator"/>, <see cref="TicketQrRenderer"/>, <see cref="TicketQueries"/> and <see cref="TicketAttendees"/> (options sections <c>Tickets:Qr</c>, <c>Attendees</c>).</summary>
    public static IServiceCollection AddTickets(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<TicketQrOptions, TicketQrOptionsValidator>(configuration.GetSection(TicketQrOptions.SectionName));
        services.AddValidatedOptions<AttendeeOptions, AttendeeOptionsValidator>(configuration.GetSection(AttendeeOptions.SectionName));
        services.TryAddSingleton<TicketCodeGenerator>();
        services.TryAddSingleton<TicketQrRenderer>();
        services.TryAddSingleton<TicketQueries>();
        services.TryAddSingleton<TicketAttendees>();
        return services;
    }
}
