using Fashionistas.Grains.Publishing;
using Fashionistas.Silo.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fashionistas.Silo.LiveUpdates;

public static class LiveUpdatesServiceCollectionExtensions
{
    /// <summary>
    /// Committed changes reach every web node of the cluster with no extra server: <see cref="IAvailabilityPublisher"/>
    /// and <see cref="ILiveDashboard"/> become <see cref="ClusterLivePublisher"/> (the grains do not change), batches go
    /// out through the nodes' Orleans observers, and a web node that registers a <see cref="LocalLiveSink"/> receives them.
    /// </summary>
    public static IServiceCollection AddClusterLiveUpdates(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<LiveFanOutOptions>(configuration.GetSection(LiveFanOutOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LocalLiveNode>();
        services.AddSingleton<ClusterLivePublisher>();
        services.Replace(ServiceDescriptor.Singleton<IAvailabilityPublisher>(sp => sp.GetRequiredService<ClusterLivePublisher>()));
        services.Replace(ServiceDescriptor.Singleton<ILiveDashboard>(sp => sp.GetRequiredService<ClusterLivePublisher>()));
        services.AddHostedService<LiveFanOut>();
        services.AddHostedService<LiveNodeRegistration>();
        return services;
    }
}
