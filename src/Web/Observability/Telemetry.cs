using Fashionistas.Silo.Configuration;
using Fashionistas.Silo.Persistence;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Fashionistas.Web.Observability;

/// <summary>
/// OpenTelemetry through its hosting package: traces (HTTP → grain → PostgreSQL) and metrics (ASP.NET Core, Kestrel,
/// SignalR, HttpClient, .NET runtime, Npgsql, the engine's and ours) over OTLP when an endpoint is set, and metrics on
/// a Prometheus scrape endpoint that only loopback callers (or a dedicated port) reach, see <see cref="PrometheusScraping"/>.
/// </summary>
public static class Telemetry
{
    /// <summary>
    /// ActivitySources beside the instrumentation packages': SignalR's, Orleans' (grain calls) and ours.
    /// </summary>
    public static readonly string[] Sources =
        ["Microsoft.AspNetCore.SignalR.Server", "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Fashionistas.Api"];

    /// <summary>Meters beside the instrumentation packages': Kestrel's, SignalR's, ours and Orleans'.</summary>
    public static readonly string[] Meters =
        ["Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.SignalR", "Microsoft.AspNetCore.Http.Connections", TicketingMetrics.MeterName, "Microsoft.Orleans"];

    /// <summary>
    /// Instruments ASP.NET Core records on every request that say again, per middleware, what
    /// <c>http.server.request.duration</c> already says per route and status; dropped, they are not even measured
    /// (the SDK leaves an instrument no stream wants disabled). Kept: the request duration and active requests,
    /// Kestrel's connections, <c>aspnetcore.rate_limiting.requests</c> (rejections), the runtime's, Orleans', Npgsql's and ours.
    /// </summary>
    public static readonly string[] DroppedPerRequestInstruments =
    [
        "aspnetcore.routing.match_attempts",
        "aspnetcore.rate_limiting.request_lease.duration",
        "aspnetcore.rate_limiting.active_request_leases",
        "aspnetcore.authentication.authenticate.duration",
        "aspnetcore.authorization.attempts",
    ];

    private const string HttpProtobuf = "http/protobuf";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TicketingMetrics>();
        var section = configuration.GetSection(TelemetryOptions.Section);
        services.AddValidatedOptions<TelemetryOptions>(section);
        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        var endpoint = options.OtlpEndpoint ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var otlp = !string.IsNullOrWhiteSpace(endpoint);
        var prometheus = options.Prometheus.Enabled;
        if (!otlp && !prometheus)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService(options.ServiceName));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation()
                .AddDatabaseInstrumentation().AddMeter(Meters);
            foreach (var instrument in DroppedPerRequestInstruments)
            {
                metrics.AddView(instrument, MetricStreamConfiguration.Drop);
            }
            if (otlp)
            {
                metrics.AddOtlpExporter(Otlp(endpoint!, options, configuration, "/v1/metrics"));
            }

            if (prometheus)
            {
                metrics.AddPrometheusExporter();
            }
        });

        // Traces have no pull exporter: they are collected only when they have somewhere to go.
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !PrometheusScraping.IsScrape(context))
                .AddHttpClientInstrumentation().AddDatabaseInstrumentation().AddSource(Sources)
                .AddOtlpExporter(Otlp(endpoint!, options, configuration, "/v1/traces")));
        }

        return services;
    }

    /// <summary>An endpoint set in configuration is used as given; over HTTP each signal has its own path under it.</summary>
    private static Action<OtlpExporterOptions> Otlp(string endpoint, TelemetryOptions options, IConfiguration configuration, string signalPath)
    {
        var protocol = options.OtlpProtocol ?? configuration["OTEL_EXPORTER_OTLP_PROTOCOL"];
        var http = string.Equals(protocol, HttpProtobuf, StringComparison.OrdinalIgnoreCase);
        if (!http && !string.IsNullOrWhiteSpace(protocol) && !string.Equals(protocol, "grpc", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"OpenTelemetry:OtlpProtocol must be grpc or {HttpProtobuf}, not '{protocol}'.");
        }

        return o =>
        {
            o.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            o.Endpoint = new Uri(http ? endpoint.TrimEnd('/') + signalPath : endpoint);
        };
    }
}
