using Dapper;
using Fashionistas.Silo.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Fashionistas.Silo.Outbox;

/// <summary>
/// Queues the reminder of every event that starts within <see cref="MessagingOptions.ReminderLead"/>: one
/// <see cref="OutboxKinds.EventReminder"/> row per person holding a valid ticket. Claiming the event
/// (<c>events.reminders_queued_at</c>) and queueing its rows is one statement, so however many nodes run this, and
/// however often, each event's reminders are queued once. Tickets bought after that are not reminded: their
/// confirmation is hours old at most.
/// </summary>
public sealed class EventReminderScheduler(
    NpgsqlDataSource dataSource, IOptions<MessagingOptions> options, TimeProvider time, ILogger<EventReminderScheduler> logger)
    : BackgroundService
{
    /// <summary>One round: queues the reminders now due; returns how many rows were queued.</summary>
    public async Task<int> QueueDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var queued = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            WITH due AS (
                UPDATE events SET reminders_queued_at = @now
                WHERE reminders_queued_at IS NULL AND status IN ('published', 'on_sale', 'sold_out')
                  AND starts_at > @now AND starts_at <= @until
                RETURNING id)
            INSERT INTO outbox (kind, payload)
            SELECT '{OutboxKinds.EventReminder}', jsonb_build_object('eventId', holders.event_id, 'userId', holders.owner_id)
            FROM (SELECT DISTINCT t.event_id, t.owner_id FROM tickets t JOIN due ON due.id = t.event_id WHERE t.status = 'valid') holders
            """, new { now, until = now + options.Value.ReminderLead }, cancellationToken: cancellationToken));
        if (queued > 0)
        {
            logger.LogInformation("Queued {Count} event reminders", queued);
        }

        return queued;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReminderInterval, time);
        do
        {
            try
            {
                await QueueDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must survive a database outage; the next tick tries again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.LogWarning(exception, "Event reminder round failed; retrying in {Interval}", options.Value.ReminderInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
