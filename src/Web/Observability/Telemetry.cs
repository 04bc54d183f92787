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
    /// <summary>ActivitySources and Meters: ASP.NET Core's, Orleans' (grain calls, the runtime's meters), ours and Npgsql's built-in ones.</summary>
    public static readonly string[] Sources = ["Microsoft.AspNetCore", "Microsoft.AspNetCore.SignalR.Server", "Microsoft.Orleans.Application", "Fashionistas.Api", "Npgsql"];

    public static readonly string[] Meters =
        ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.SignalR", "Microsoft.Orleans", TicketingMetrics.MeterName, "Npgsql", "System.Runtime"];

    private const string HttpProtobuf = "http/protobuf";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TicketingMetrics>();
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var endpoint = options.OtlpEndpoint ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return services;
        }

        var protocol = options.OtlpProtocol ?? configuration["OTEL_EXPORTER_OTLP_PROTOCOL"];
        var http = string.Equals(protocol, HttpProtobuf, StringComparison.OrdinalIgnoreCase);
        if (!http && !string.IsNullOrWhiteSpace(protocol) && !string.Equals(protocol, "grpc", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"OpenTelemetry:OtlpProtocol must be grpc or {HttpProtobuf}, not '{protocol}'.");
        }

        // An endpoint set in code is used as given; over HTTP each signal has its own path under the base address.
        Action<OtlpExporterOptions> Otlp(string signalPath) => o =>
        {
            o.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            o.Endpoint = new Uri(http ? endpoint.TrimEnd('/') + signalPath : endpoint);
        };

        var resource = ResourceBuilder.CreateDefault().AddService(options.ServiceName);
        services.AddSingleton(Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource)
            .AddSource(Sources).AddOtlpExporter(Otlp("/v1/traces")).Build());
        services.AddSingleton(Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource)
            .AddMeter(Meters).AddOtlpExporter(Otlp("/v1/metrics")).Build());
        services.AddHostedService<TelemetryLifetime>();
        services.AddTransient<IStartupFilter, HttpServerSpanFilter>();
        return services;
    }
}
