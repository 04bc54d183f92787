using System.ComponentModel.DataAnnotations;

namespace Fashionistas.Web.Observability;

/// <summary>Section <c>OpenTelemetry:Prometheus</c>: the metrics scrape endpoint and who may reach it.</summary>
public sealed class PrometheusOptions
{
    /// <summary>Serve the scrape endpoint (default on; it answers loopback callers only unless <see cref="Port"/> is set).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>URL path of the scrape endpoint (default <c>/metrics</c>).</summary>
    [Required]
    [RegularExpression("^/[A-Za-z0-9/_.-]*$", ErrorMessage = "OpenTelemetry:Prometheus:Path must be a URL path such as /metrics.")]
    public string Path { get; set; } = "/metrics";

    /// <summary>
    /// When set, the endpoint answers only requests that arrive on this local port, from any address (list the port in
    /// <c>Urls</c> too and keep it off the public network); when empty, only loopback callers that no proxy relayed.
    /// </summary>
    [Range(1, 65535)]
    public int? Port { get; set; }
}
