using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Fashionistas.Web.Observability;

/// <summary>
/// OpenTelemetry traces (HTTP → grain → PostgreSQL) and metrics over OTLP. The providers are built by hand because
/// OpenTelemetry.Extensions.Hosting is not in our registry; they live as long as the host.
/// </summary>
public static class Telemetry
{
    /// <summary>ActivitySources and Meters: ASP.NET Core's, the grain runtime's, ours and Npgsql's built-in ones.</summary>
    public static readonly string[] Sources = ["Microsoft.AspNetCore", "Fashionistas.Grains", "Fashionistas.Api", "Npgsql"];

    public static readonly string[] Meters =
        ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.SignalR", "Fashionistas.Grains", TicketingMetrics.MeterName, "Npgsql", "System.Runtime"];

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TicketingMetrics>();
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var endpoint = options.OtlpEndpoint ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return services;
        }

        var resource = ResourceBuilder.CreateDefault().AddService(options.ServiceName);
        void Otlp(OtlpExporterOptions o) => o.Endpoint = new Uri(endpoint);
        services.AddSingleton(Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource)
            .AddSource(Sources).AddOtlpExporter(Otlp).Build());
        services.AddSingleton(Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource)
            .AddMeter(Meters).AddOtlpExporter(Otlp).Build());
        services.AddHostedService<TelemetryLifetime>();
        return services;
    }
}
