using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Fashionistas.Web.Observability;

/// <summary>
/// Creates the providers at start (so listeners exist before the first request), flushes them at stop and shuts them
/// down with the host: they were built outside the container, which therefore would not dispose them.
/// </summary>
internal sealed class TelemetryLifetime(TracerProvider tracer, MeterProvider meter) : IHostedService, IDisposable
{
    private const int FlushTimeoutMilliseconds = 2000;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        tracer.ForceFlush(FlushTimeoutMilliseconds);
        meter.ForceFlush(FlushTimeoutMilliseconds);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        tracer.Dispose();
        meter.Dispose();
    }
}
