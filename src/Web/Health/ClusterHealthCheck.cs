using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fashionistas.Web.Health;

/// <summary>
/// What operators need to see of the Orleans cluster: the active silos and the grain activations per type, read
/// through the management grain (so a silo-less web node reports the same). Slow or failing statistics never take a
/// node out of its load balancer: they report Degraded, which still answers 200.
/// </summary>
internal sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var management = grains.GetGrain<IManagementGrain>(0);
            var silos = await management.GetHosts(onlyActive: true).WaitAsync(Patience, cancellationToken);
            var statistics = await management.GetSimpleGrainStatistics().WaitAsync(Patience, cancellationToken);
            var data = new Dictionary<string, object>
            {
                ["activeSilos"] = silos.Count,
                ["silos"] = silos.Keys.Select(s => s.ToParsableString()).Order(StringComparer.Ordinal).ToArray(),
                ["activations"] = statistics.Sum(s => s.ActivationCount),
            };
            foreach (var type in statistics.GroupBy(s => s.GrainType).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                data["activations:" + type.Key] = type.Sum(s => s.ActivationCount);
            }

            return HealthCheckResult.Healthy($"{silos.Count} active silo(s)", data);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded("The cluster's statistics could not be read.", exception);
        }
    }
}
