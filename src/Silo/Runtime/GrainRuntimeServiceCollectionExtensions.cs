using Fashionistas.Grains.Runtime;
using Fashionistas.Silo.Runtime.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Runtime;

/// <summary>Registration of the grain runtime and of grain implementations.</summary>
public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>Adds the runtime with options bound from <paramref name="section"/> (e.g. "GrainRuntime").</summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<GrainRuntimeOptions>().Bind(section);
        return services.AddGrainRuntimeCore();
    }

    /// <summary>Adds the runtime, optionally adjusting its options in code.</summary>
    public static IServiceCollection AddGrainRuntime(
        this IServiceCollection services, Action<GrainRuntimeOptions>? configure = null)
    {
        var options = services.AddOptions<GrainRuntimeOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return services.AddGrainRuntimeCore();
    }

    /// <summary>Makes <typeparamref name="TInterface"/> callable; activations are built with DI from a per-activation scope.</summary>
    public static IServiceCollection AddGrain<TInterface, TImplementation>(this IServiceCollection services)
        where TInterface : class, IGrainWithGuidKey
        where TImplementation : Grain, TInterface
    {
        services.AddSingleton(new GrainRegistration(typeof(TInterface), typeof(TImplementation)));
        return services;
    }

    private static IServiceCollection AddGrainRuntimeCore(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(GrainRuntime)))
        {
            return services;
        }

        services.AddOptions<GrainRuntimeOptions>().ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<GrainRuntimeOptions>, GrainRuntimeOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GrainRuntime>();
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<GrainRuntime>());
        services.TryAddScoped<GrainContextHolder>();
        services.TryAddScoped(sp => sp.GetRequiredService<GrainContextHolder>().Context);
        services.TryAddScoped(typeof(IPersistentState<>), typeof(PostgresPersistentState<>));
        return services;
    }
}
