using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Waitlist;

/// <summary>
/// Tells waiters that seats came back, off the hot path. Woken by <see cref="WaitlistTracker"/>, it waits
/// <see cref="WaitlistOptions.Debounce"/> so a burst of changes is one round, then runs
/// <see cref="WaitlistStore.RunRoundAsync"/> for each changed ticket type. Every
/// <see cref="WaitlistOptions.RefreshInterval"/> it reloads which ticket types have waiters (joins on other nodes, and a
/// join that raced the end of a list) and looks again at those with seats left, which also retries a failed round.
/// </summary>
public sealed class WaitlistNotifier(
    WaitlistTracker tracker,
    WaitlistStore store,
    IOptions<WaitlistOptions> options,
    TimeProvider time,
    ILogger<WaitlistNotifier> logger) : BackgroundService
{
    /// <summary>One round for one ticket type whose newest known availability is <paramref name="available"/>.</summary>
    public async Task<WaitlistRound> RunRoundAsync(Guid ticketTypeId, int available, CancellationToken cancellationToken)
    {
        var round = await store.RunRoundAsync(ticketTypeId, available, options.Value, time.GetUtcNow(), cancellationToken);
        if (round.Notified.Count > 0)
        {
            logger.LogInformation(
                "Told {Count} waiters of ticket type {TicketTypeId} that seats came back ({Available} available)",
                round.Notified.Count, ticketTypeId, available);
        }

        if (!round.AnyoneLeft)
        {
            tracker.Untrack(ticketTypeId);
        }

        return round;
    }

    /// <summary>Loads the ticket types with waiters into the tracker (never removes: only a round does).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        foreach (var ticketTypeId in await store.TicketTypesWithEntriesAsync(cancellationToken))
        {
            tracker.Track(ticketTypeId);
        }

        tracker.MarkAvailableDirty();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(RoundsAsync(stoppingToken), RefreshesAsync(stoppingToken));

    private async Task RoundsAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        try
        {
            while (await tracker.Wake.WaitToReadAsync(stoppingToken))
            {
                tracker.Wake.TryRead(out _);
                if (settings.Debounce > TimeSpan.Zero)
                {
                    await Task.Delay(settings.Debounce, time, stoppingToken);
                }

                foreach (var (ticketTypeId, latest) in tracker.TakeDirty())
                {
                    await TryRoundAsync(ticketTypeId, latest?.Available ?? 0, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RefreshesAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        try
        {
            do
            {
                try
                {
                    await RefreshAsync(stoppingToken);
                }
#pragma warning disable CA1031 // The loop must outlive a database outage (or a start before migrations): the next tick retries.
                catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    logger.LogWarning(exception, "Waitlist refresh failed; retrying in {RefreshInterval}", options.Value.RefreshInterval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task TryRoundAsync(Guid ticketTypeId, int available, CancellationToken stoppingToken)
    {
        try
        {
            await RunRoundAsync(ticketTypeId, available, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failed round (database outage) must not stop the loop; the next refresh retries it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogWarning(exception, "Waitlist round for ticket type {TicketTypeId} failed", ticketTypeId);
        }
    }
}
