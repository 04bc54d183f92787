using Dapper;
using Fashionistas.Grains.Domain;
using Fashionistas.Silo.Outbox;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fashionistas.Silo.Checkout;

/// <summary>
/// Delivers <see cref="OutboxKinds.EventCancelled"/>: refunds every paid (or partly refunded) order of the cancelled
/// event in full, as the person who cancelled it, with the cancellation's reason, and cancels every order still
/// awaiting payment (its provider payment too). Both are idempotent, so a retry after a crash or an unreachable
/// provider only finishes what is left; an order the provider refuses is logged and left for the organizer (the
/// dashboard's order list shows it). A payment that could not be stopped settles later: the cancelled event sells no
/// seats, so the late-payment rule refunds it.
/// </summary>
public sealed class EventCancellationOutboxHandler(
    NpgsqlDataSource dataSource,
    RefundService refunds,
    OrderCancellation cancellations,
    ILogger<EventCancellationOutboxHandler> logger) : IOutboxHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [OutboxKinds.EventCancelled];

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var eventId = message.IdOf("eventId");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var cancellation = await connection.QuerySingleOrDefaultAsync<(Guid? By, string? Reason)>(new CommandDefinition(
            """
            SELECT changed_by, reason FROM event_status_history
            WHERE event_id = @eventId AND new_status = 'cancelled'
            ORDER BY created_at DESC, id DESC LIMIT 1
            """, new { eventId }, cancellationToken: cancellationToken));
        var orders = (await connection.QueryAsync<(Guid Id, string Status)>(new CommandDefinition(
            """
            SELECT o.id, o.status FROM orders o
            WHERE o.event_id = @eventId
              AND (o.status IN ('pending_payment', 'failed')
                   OR (o.status IN ('paid', 'partially_refunded')
                       AND EXISTS (SELECT 1 FROM tickets t WHERE t.order_id = o.id AND t.status = 'valid')))
            ORDER BY o.created_at
            """, new { eventId }, cancellationToken: cancellationToken))).ToList();
        await connection.CloseAsync();

        var reason = string.IsNullOrWhiteSpace(cancellation.Reason) ? "Event cancelled" : $"Event cancelled: {cancellation.Reason}";
        var unreachable = 0;
        foreach (var (orderId, status) in orders)
        {
            if (!OrderStatusNames.IsRefundable(status))
            {
                if (await cancellations.CancelAsync(orderId, cancellation.By, cancellationToken) is CancelOutcome.ProviderUnavailable { IsTransient: true })
                {
                    unreachable++;
                }

                continue;
            }

            switch (await refunds.RefundAsync(orderId, null, reason, cancellation.By, cancellationToken))
            {
                case RefundOutcome.ProviderUnavailable:
                    unreachable++;
                    break;
                case RefundOutcome.ProviderRefused refused:
                    logger.LogWarning(
                        "Cancelled event {EventId}: the provider refused the refund of order {OrderId}: {Reason}",
                        eventId, orderId, refused.Reason);
                    break;
            }
        }

        logger.LogInformation(
            "Cancelled event {EventId}: {Orders} orders refunded or cancelled ({Unreachable} waiting for the payment provider)",
            eventId, orders.Count - unreachable, unreachable);
        if (unreachable > 0)
        {
            // Retried with backoff; the orders refunded this time are no longer paid and are not touched again.
            throw new HttpRequestException($"The payment provider did not answer for {unreachable} orders of cancelled event {eventId}.");
        }
    }
}
