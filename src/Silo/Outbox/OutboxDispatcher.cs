using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Outbox;

/// <summary>
/// Delivers outbox messages: polls for due rows, hands each to the <see cref="IOutboxHandler"/> of its kind (buyer
/// messages, CRM syncs, ...), marks it processed. A failure is retried with exponential backoff
/// (<see cref="OutboxOptions"/>); a message the service refuses, one of an unknown kind, or one that keeps failing for
/// <see cref="OutboxOptions.MaxAttempts"/>, is parked. A third-party outage therefore delays work but never loses it
/// or blocks a sale.
/// </summary>
public sealed class OutboxDispatcher(
    OutboxStore store,
    IServiceProvider services,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int MaxErrorLength = 2_000;

    /// <summary>One round: claims due messages and delivers them; returns how many were claimed.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var claimed = await store.ClaimDueAsync(now, now + settings.ClaimTimeout, settings.BatchSize, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        // Resolved per round: handlers are transient (typed HTTP clients whose handlers rotate).
        var handlers = new Dictionary<string, IOutboxHandler>(StringComparer.Ordinal);
        foreach (var handler in services.GetServices<IOutboxHandler>())
        {
            foreach (var kind in handler.Kinds)
            {
                handlers.TryAdd(kind, handler);
            }
        }

        foreach (var message in claimed)
        {
            await DeliverAsync(message, handlers, settings, cancellationToken);
        }

        return claimed.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Outbox dispatcher is disabled (Outbox:Enabled=false)");
            return;
        }

        using var timer = new PeriodicTimer(settings.PollInterval, time);
        do
        {
            try
            {
                // A full round means more may be waiting: keep going before sleeping.
                while (await DispatchDueAsync(stoppingToken) == settings.BatchSize)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must survive a database outage; the next tick tries again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.LogWarning(exception, "Outbox round failed; retrying in {PollInterval}", settings.PollInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task DeliverAsync(
        OutboxMessage message, Dictionary<string, IOutboxHandler> handlers, OutboxOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            if (!handlers.TryGetValue(message.Kind, out var handler))
            {
                throw new InvalidOperationException($"Outbox kind '{message.Kind}' has no handler.");
            }

            await handler.HandleAsync(message, cancellationToken);
            await store.MarkProcessedAsync(message.Id, time.GetUtcNow(), cancellationToken);
            logger.LogInformation(
                "Outbox message {OutboxId} ({Kind}) delivered: {Payload}", message.Id, message.Kind, message.Payload);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the claim lapses and the message is tried again after ClaimTimeout.
            throw;
        }
        catch (Exception exception) when (IsPermanent(exception) || message.Attempts >= settings.MaxAttempts)
        {
            logger.LogError(
                exception, "Outbox message {OutboxId} ({Kind}) parked after {Attempts} attempts", message.Id, message.Kind, message.Attempts);
            await store.ParkAsync(message.Id, Describe(exception), CancellationToken.None);
        }
#pragma warning disable CA1031 // Any other failure is an outage to wait out: the message is rescheduled, never lost.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var delay = OutboxBackoff.After(message.Attempts, settings.RetryBaseDelay, settings.RetryMaxDelay);
            logger.LogWarning(
                exception, "Outbox message {OutboxId} ({Kind}) attempt {Attempts} failed; retrying in {RetryDelay}",
                message.Id, message.Kind, message.Attempts, delay);
            await store.RescheduleAsync(message.Id, time.GetUtcNow() + delay, Describe(exception), CancellationToken.None);
        }
    }

    private static bool IsPermanent(Exception exception) =>
        exception is InvalidOperationException or OutboxPermanentFailureException;

    private static string Describe(Exception exception)
    {
        var text = $"{exception.GetType().Name}: {exception.Message}";
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }
}
