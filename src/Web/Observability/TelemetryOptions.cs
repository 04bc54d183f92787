namespace Fashionistas.Web.Observability;

/// <summary>Section <c>OpenTelemetry</c>; the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable works too.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "OpenTelemetry";

    /// <summary>OTLP endpoint (e.g. http://127.0.0.1:4317); traces and metrics are exported only when set.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>service.name of this node (default <c>fashionistas</c>).</summary>
    public string ServiceName { get; set; } = "fashionistas";
}
