using Fashionistas.Grains.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.LiveUpdates;

/// <summary>
/// Keeps this web node in <see cref="ILiveNodeRegistryGrain"/>: registers its sink's observer reference every
/// <see cref="LiveFanOutOptions.RegistrationInterval"/> (the registry keeps nothing durable, so a new activation of it
/// learns every node again within one interval). A silo host without HTTP has no sink and registers nothing.
/// </summary>
public sealed partial class LiveNodeRegistration(
    LocalLiveNode node,
    IGrainFactory grains,
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    IOptions<LiveFanOutOptions> options,
    ILogger<LiveNodeRegistration> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (node.Sink is null || !await HostStartedAsync(lifetime, stoppingToken))
        {
            return;
        }

        var reference = grains.CreateObjectReference<ILiveUpdateObserver>(node.Sink);
        var silo = services.GetService<ILocalSiloDetails>()?.SiloAddress;
        var registration = new LiveNode(node.Id, reference, silo);
        using var timer = new PeriodicTimer(options.Value.RegistrationInterval, time);
        try
        {
            do
            {
                try
                {
                    await grains.GetGrain<ILiveNodeRegistryGrain>(0).RegisterAsync(registration);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    LogRegistrationFailed(exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the registry forgets this node after LiveFanOutOptions.NodeExpiry.
        }
    }

    /// <summary>Waits for the silo (or the client's connection) to be up: grain calls before that only fail.</summary>
    internal static async Task<bool> HostStartedAsync(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(started.SetResult);
        using var onStopping = stoppingToken.Register(started.SetResult);
        await started.Task;
        return !stoppingToken.IsCancellationRequested;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "This node could not register for live updates; retrying")]
    private partial void LogRegistrationFailed(Exception exception);
}
