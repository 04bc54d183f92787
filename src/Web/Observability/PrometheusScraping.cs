using System.Net;
using Microsoft.Extensions.Options;

namespace Fashionistas.Web.Observability;

/// <summary>
/// The Prometheus scrape endpoint, kept off the public face of the server: it answers only on the configured metrics
/// port, or (by default) only callers on this machine whose request no proxy relayed (a reverse proxy on the same host
/// connects from loopback too, but adds X-Forwarded-For / Forwarded). Any other caller gets the API's 404, as if the
/// path did not exist.
/// </summary>
public static class PrometheusScraping
{
    public static IApplicationBuilder UsePrometheusScraping(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ApplicationServices.GetRequiredService<IOptions<TelemetryOptions>>().Value.Prometheus;
        if (!options.Enabled)
        {
            return app;
        }

        var path = new PathString(options.Path);
        return app.UseOpenTelemetryPrometheusScrapingEndpoint(context => context.Request.Path == path && MayScrape(context, options.Port));
    }

    /// <summary>True for a request the scrape endpoint would answer (kept out of traces).</summary>
    public static bool IsScrape(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.RequestServices.GetRequiredService<IOptions<TelemetryOptions>>().Value.Prometheus;
        return options.Enabled && context.Request.Path == new PathString(options.Path) && MayScrape(context, options.Port);
    }

    private static bool MayScrape(HttpContext context, int? port) =>
        port is { } metricsPort
            ? context.Connection.LocalPort == metricsPort
            : context.Connection.RemoteIpAddress is { } caller && IPAddress.IsLoopback(caller)
                && !context.Request.Headers.ContainsKey("X-Forwarded-For") && !context.Request.Headers.ContainsKey("Forwarded");
}
