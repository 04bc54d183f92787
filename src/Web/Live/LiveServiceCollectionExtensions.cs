using Fashionistas.Grains.Publishing;
using Fashionistas.Silo.Configuration;
using Fashionistas.Silo.LiveUpdates;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fashionistas.Web.Live;

/// <summary>Registration of the live-update hub and the publisher that feeds it.</summary>
public static class LiveServiceCollectionExtensions
{
    public const string HubPath = "/hubs/live";

    /// <summary>
    /// Adds SignalR, <see cref="LiveOptions"/> (section <c>Live</c>, validated on start) and makes
    /// <see cref="SignalRAvailabilityPublisher"/> this node's <see cref="LocalLiveSink"/>: it gets the changes committed
    /// on this node directly and those of the cluster's other nodes through the live-update fan-out.
    /// Failed hub calls are logged by <see cref="LiveHubFilter"/>.
    /// </summary>
    public static IServiceCollection AddLiveUpdates(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<LiveOptions>(configuration.GetSection(LiveOptions.Section));
        // The limit runs first: a refused flood is neither dispatched nor logged call by call.
        services.AddSignalR(hub =>
        {
            hub.AddFilter<HubCallLimitFilter>();
            hub.AddFilter<LiveHubFilter>();
        });

        // LiveHubFilter logs failed hub calls (refusals at Information, faults at Error) instead of the dispatcher,
        // which logs every HubException, i.e. every expected refusal, as an Error.
        services.Configure<LoggerFilterOptions>(logging => logging.AddFilter(LiveHubFilter.DispatcherCategory, LogLevel.None));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LiveCounters>();
        services.AddSingleton<LiveSnapshots>();
        services.AddSingleton<SignalRAvailabilityPublisher>();
        services.AddSingleton(sp =>
        {
            var publisher = sp.GetRequiredService<SignalRAvailabilityPublisher>();
            return new LocalLiveSink(publisher, publisher);
        });
        services.AddHostedService<LiveUpdateFlusher>();
        services.AddSingleton<QueueWatchers>();
        services.AddHostedService<QueueBroadcaster>();
        return services;
    }

    public static IEndpointRouteBuilder MapLiveHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<LiveHub>(HubPath);
        return app;
    }
}
