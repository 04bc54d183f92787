using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Fashionistas.Silo.Hosting;

/// <summary>The Orleans silo of this process: where the grains run, how it finds its cluster, how it wakes grains.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Orleans' default ports, used when <c>Orleans:SiloPort</c> / <c>Orleans:GatewayPort</c> are not set.</summary>
    private const int DefaultSiloPort = EndpointOptions.DEFAULT_SILO_PORT;

    private const int DefaultGatewayPort = EndpointOptions.DEFAULT_GATEWAY_PORT;

    /// <summary>Hosts a silo in this process (the grains share the host's services: stores, publishers, options).</summary>
    public static IHostApplicationBuilder AddTicketingSilo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseOrleans(silo => silo.ConfigureTicketingSilo(builder.Configuration));
        return builder;
    }

    /// <summary>Everything a silo running the ticketing grains needs: clustering and the reminder service.</summary>
    public static ISiloBuilder ConfigureTicketingSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        silo.UseTicketingClustering(configuration);

        // A span per grain call (source "Microsoft.Orleans.Application"), so a trace runs HTTP → grain → PostgreSQL.
        silo.AddActivityPropagation();

        // Ticket types with live holds keep one reminder each to wake them when idle (see ExpiryReminder). In memory
        // on one node; a cluster keeps reminders in PostgreSQL instead.
        silo.UseInMemoryReminderService();
        return silo;
    }

    /// <summary>One node: localhost clustering on <c>Orleans:SiloPort</c> (gateway on <c>Orleans:GatewayPort</c>, 0 = none).</summary>
    private static ISiloBuilder UseTicketingClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        var siloPort = configuration.GetValue("Orleans:SiloPort", DefaultSiloPort);
        var gatewayPort = configuration.GetValue("Orleans:GatewayPort", DefaultGatewayPort);
        return silo.UseLocalhostClustering(siloPort, gatewayPort);
    }
}
