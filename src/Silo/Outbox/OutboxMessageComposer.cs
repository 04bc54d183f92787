using System.Globalization;
using Dapper;
using Fashionistas.Grains.Contracts;
using Fashionistas.Silo.Localization;
using Fashionistas.Silo.Messaging;
using Fashionistas.Silo.Messaging.Documents;
using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Outbox;

/// <summary>
/// Turns an order's outbox row into the messages its buyer receives, in their language, reading the order as it is at
/// delivery time: always an e-mail (the confirmation carries the tickets: QR inline, PDF, .ics), and WhatsApp too when
/// the buyer opted in with a number. Both are kept in <c>message_log</c> when their service is not configured.
/// </summary>
public sealed class OutboxMessageComposer(NpgsqlDataSource dataSource, OrderAttachments attachments)
{
    private const int ShortOrderLength = 8;
    private const string CancelledEvent = "cancelled";

    /// <summary>The messages to send; empty when the order no longer exists (nothing to tell anyone).</summary>
    /// <exception cref="InvalidOperationException">The kind is unknown: the row can never be delivered.</exception>
    public async Task<IReadOnlyList<OutgoingMessage>> ComposeAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var template = message.Kind switch
        {
            OutboxKinds.TicketConfirmation => MessageTemplates.TicketConfirmation,
            OutboxKinds.RefundIssued => MessageTemplates.RefundIssued,
            OutboxKinds.PaymentFailed => MessageTemplates.PaymentFailed,
            OutboxKinds.OrderCancelled => MessageTemplates.OrderCancelled,
            _ => throw new InvalidOperationException($"Outbox kind '{message.Kind}' has no message."),
        };

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var order = await connection.QuerySingleOrDefaultAsync<OrderFacts>(new CommandDefinition(
            $"""
            SELECT o.id AS OrderId, o.quantity AS Quantity, o.refunded_amount AS RefundedAmount,
                   {MessagePerson.Columns("u")},
                   e.id AS EventId, e.name AS EventName, e.venue AS Venue, e.starts_at AS StartsAt, e.ends_at AS EndsAt,
                   e.status AS EventStatus, h.expires_at AS HoldExpiresAt
            FROM orders o
            JOIN users u ON u.id = o.buyer_id
            JOIN events e ON e.id = o.event_id
            JOIN holds h ON h.id = o.hold_id
            WHERE o.id = @orderId
            """, new { orderId = message.OrderId }, cancellationToken: cancellationToken));
        if (order is null)
        {
            return [];
        }

        var person = new MessagePerson(order.Name, order.Email, order.Phone, order.WhatsAppOptIn, order.Language);
        var shortOrder = order.OrderId.ToString("N", CultureInfo.InvariantCulture)[..ShortOrderLength].ToUpperInvariant();
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = order.Name,
            ["event"] = order.EventName,
        };
        IReadOnlyList<MessageAttachment>? files = null;
        switch (template)
        {
            case MessageTemplates.TicketConfirmation:
                parameters["quantity"] = order.Quantity.ToString(CultureInfo.InvariantCulture);
                parameters["date"] = Bogota.DateAndTime(StoredTime.Utc(order.StartsAt));
                parameters["order"] = shortOrder;
                files = await TicketFilesAsync(connection, order, person, shortOrder, cancellationToken);
                break;
            case MessageTemplates.RefundIssued:
                parameters["amount"] = Bogota.Pesos(order.RefundedAmount);
                parameters["order"] = shortOrder;
                if (order.EventStatus == CancelledEvent)
                {
                    template = MessageTemplates.EventCancelled;
                }

                break;
            case MessageTemplates.OrderCancelled:
                parameters["order"] = shortOrder;
                break;
            default:
                parameters["expires"] = Bogota.DateAndTime(StoredTime.Utc(order.HoldExpiresAt));
                break;
        }

        return person.Messages(template, parameters, message.DedupeKey, files);
    }

    private async Task<IReadOnlyList<MessageAttachment>> TicketFilesAsync(
        NpgsqlConnection connection, OrderFacts order, MessagePerson person, string shortOrder, CancellationToken cancellationToken)
    {
        // The buyer's own valid tickets: a ticket already given away is the recipient's to show.
        var tickets = (await connection.QueryAsync<(string Code, string TicketTypeName)>(new CommandDefinition(
            """
            SELECT t.code, tt.name FROM tickets t JOIN ticket_types tt ON tt.id = t.ticket_type_id
            JOIN orders o ON o.id = t.order_id
            WHERE t.order_id = @orderId AND t.status = 'valid' AND t.owner_id = o.buyer_id
            ORDER BY t.created_at, t.code
            """, new { orderId = order.OrderId }, cancellationToken: cancellationToken))).ToList();
        if (tickets.Count == 0)
        {
            return [];
        }

        var facts = new OrderDocumentFacts(order.OrderId, shortOrder, order.EventId, order.EventName, order.Venue,
            StoredTime.Utc(order.StartsAt), StoredTime.Utc(order.EndsAt), order.Name, person.Language);
        return attachments.For(facts, tickets);
    }

    private sealed record OrderFacts(
        Guid OrderId, int Quantity, long RefundedAmount, string Name, string Email, string? Phone, bool WhatsAppOptIn,
        string Language, Guid EventId, string EventName, string Venue, DateTime StartsAt, DateTime EndsAt, string EventStatus,
        DateTime HoldExpiresAt);
}
