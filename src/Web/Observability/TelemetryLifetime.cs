using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Fashionistas.Web.Observability;

/// <summary>Creates the providers at start (so listeners exist before the first request) and flushes them at stop.</summary>
internal sealed class TelemetryLifetime(TracerProvider tracer, MeterProvider meter) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        tracer.ForceFlush(2000);
        meter.ForceFlush(2000);
        return Task.CompletedTask;
    }
}
