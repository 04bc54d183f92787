using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Fashionistas.Silo.Persistence;

/// <summary>
/// The database driver's OpenTelemetry metrics and traces (Npgsql's), for the host that sets up telemetry: the web
/// layer calls these and needs nothing of the driver.
/// </summary>
public static class DatabaseInstrumentation
{
    /// <summary>PostgreSQL command and pool metrics.</summary>
    public static MeterProviderBuilder AddDatabaseInstrumentation(this MeterProviderBuilder metrics) =>
        metrics.AddNpgsqlInstrumentation();

    /// <summary>A span per PostgreSQL command, under the grain call or request that issued it.</summary>
    public static TracerProviderBuilder AddDatabaseInstrumentation(this TracerProviderBuilder tracing) =>
        tracing.AddNpgsql();
}
