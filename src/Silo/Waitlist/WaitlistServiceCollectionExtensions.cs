using Fashionistas.Grains.Publishing;
using Fashionistas.Silo.Configuration;
using Fashionistas.Silo.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fashionistas.Silo.Waitlist;

public static class WaitlistServiceCollectionExtensions
{
    /// <summary>
    /// Registers waitlists: <see cref="WaitlistStore"/>, <see cref="WaitlistTracker"/>, the <see cref="WaitlistNotifier"/>
    /// background service and the outbox handler of its messages; options section <c>Waitlist</c>, validated on start.
    /// Seats coming back are only seen once <see cref="AddWaitlistObserver"/> wraps the final publisher.
    /// </summary>
    public static IServiceCollection AddWaitlist(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<WaitlistOptions, WaitlistOptionsValidator>(configuration.GetSection(WaitlistOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WaitlistLineGate>();
        services.TryAddSingleton<WaitlistStore>();
        services.TryAddSingleton<EventWaitlists>();
        services.TryAddSingleton<WaitlistTracker>();
        services.TryAddSingleton<WaitlistNotifier>();
        services.AddHostedService(provider => provider.GetRequiredService<WaitlistNotifier>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IOutboxHandler, WaitlistOutboxHandler>());
        return services;
    }

    /// <summary>
    /// Wraps the <see cref="IAvailabilityPublisher"/> registered so far in <see cref="WaitlistAvailabilityPublisher"/>.
    /// Call it after whatever replaces the silo's no-op publisher (the web host's live updates), or that replacement
    /// would drop the wrapper.
    /// </summary>
    public static IServiceCollection AddWaitlistObserver(this IServiceCollection services)
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IAvailabilityPublisher))
            ?? throw new InvalidOperationException("Register an IAvailabilityPublisher (AddInventory) before AddWaitlistObserver.");
        services.Replace(ServiceDescriptor.Singleton<IAvailabilityPublisher>(provider =>
            new WaitlistAvailabilityPublisher(Resolve(inner, provider), provider.GetRequiredService<WaitlistTracker>())));
        return services;
    }

    private static IAvailabilityPublisher Resolve(ServiceDescriptor descriptor, IServiceProvider provider) =>
        (IAvailabilityPublisher)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
