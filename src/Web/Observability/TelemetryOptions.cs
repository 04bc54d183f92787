using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Fashionistas.Web.Observability;

/// <summary>
/// Section <c>OpenTelemetry</c>; the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> and <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>
/// variables work too.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "OpenTelemetry";

    /// <summary>
    /// OTLP endpoint (e.g. http://127.0.0.1:4317 for gRPC, http://127.0.0.1:4318 for HTTP); traces and metrics are
    /// exported only when set. For HTTP give the base address: /v1/traces and /v1/metrics are appended.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>, as in the OpenTelemetry specification.</summary>
    public string? OtlpProtocol { get; set; }

    /// <summary>service.name of this node (default <c>fashionistas</c>).</summary>
    public string ServiceName { get; set; } = "fashionistas";

    /// <summary>The Prometheus scrape endpoint.</summary>
    [Required]
    [ValidateObjectMembers]
    public PrometheusOptions Prometheus { get; set; } = new();
}
