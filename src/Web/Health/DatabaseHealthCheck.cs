using Fashionistas.Silo.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fashionistas.Web.Health;

/// <summary>Ready = PostgreSQL answers and every migration is applied.</summary>
internal sealed class DatabaseHealthCheck(PostgresDatabase database) : IHealthCheck
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
            return await MigrationRunner.IsUpToDateAsync(database.DataSource, timeout.Token)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Migrations are not all applied.");
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is unreachable.", ex);
        }
    }
}
