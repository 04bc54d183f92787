using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Fashionistas.Silo.Persistence;

/// <summary>
/// Ready = PostgreSQL answers on both pools (shared and inventory) and every migration is applied. Probing the inventory
/// pool too means that after an outage a dead pooled connection is found by the probe, not by a buyer's commit.
/// The web host registers it for <c>/health/ready</c>; it lives here, beside the pools, so the web layer stays off the driver.
/// </summary>
public sealed class DatabaseHealthCheck(PostgresDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!database.MigrationsApplied)
        {
            return HealthCheckResult.Unhealthy("The database is starting.");
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            if (!await MigrationRunner.IsUpToDateAsync(database.DataSource, timeout.Token))
            {
                return HealthCheckResult.Unhealthy("Migrations are not all applied.");
            }

            await using var ping = database.InventoryDataSource.CreateCommand("SELECT 1");
            await ping.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is unreachable.", ex);
        }
    }
}
