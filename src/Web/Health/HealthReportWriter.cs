using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fashionistas.Web.Health;

/// <summary>
/// <c>/health/ready</c> as JSON: the overall status and each check's status, description and data (the cluster's
/// silos and grain counts), so an operator reads the cluster where the load balancer probes it. Exceptions stay in logs.
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
