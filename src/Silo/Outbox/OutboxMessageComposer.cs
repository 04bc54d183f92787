using System.Globalization;
using Dapper;
using Fashionistas.Grains.Contracts;
using Fashionistas.Silo.Localization;
using Fashionistas.Silo.Messaging;
using Fashionistas.Silo.Messaging.Documents;
using Fashionistas.Silo.Persistence;
using Fashionistas.Silo.Tickets;
using Npgsql;

namespace Fashionistas.Silo.Outbox;

/// <summary>
/// Turns an order's outbox row into the messages its buyer receives, in their language, reading the order as it is at
/// delivery time: always an e-mail (the confirmation carries the tickets: QR inline, PDF, .ics), and WhatsApp too when
/// the buyer opted in with a number. Both are kept in <c>message_log</c> when their service is not configured. The
/// confirmation shows each ticket's attendee as stored when it is composed: the names given at checkout are written on
/// the tickets first (they may not be yet when the tickets' commit queued this row), and the read is recorded under the
/// order's lock, so a later change by the owner is sent as an updated ticket (<see cref="OrderAttendees"/>).
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
                   e.status AS EventStatus, h.expires_at AS HoldExpiresAt, o.order_group_id AS GroupId
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
        var shortOrder = ShortOrder(order.OrderId);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = order.Name,
            ["event"] = order.EventName,
        };
        IReadOnlyList<MessageAttachment>? files = null;
        IReadOnlyList<string>? details = null;
        switch (template)
        {
            case MessageTemplates.TicketConfirmation:
                parameters["quantity"] = order.Quantity.ToString(CultureInfo.InvariantCulture);
                parameters["date"] = Bogota.DateAndTime(StoredTime.Utc(order.StartsAt));
                parameters["order"] = shortOrder;
                (files, details) = await TicketFilesAsync(connection, order, person, shortOrder, cancellationToken);
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

        return person.Messages(template, parameters, message.DedupeKey, files, details);
    }

    /// <summary>The order's number as messages and tickets show it (the first characters of its id).</summary>
    internal static string ShortOrder(Guid orderId) =>
        orderId.ToString("N", CultureInfo.InvariantCulture)[..ShortOrderLength].ToUpperInvariant();

    private async Task<(IReadOnlyList<MessageAttachment> Files, IReadOnlyList<string> Details)> TicketFilesAsync(
        NpgsqlConnection connection, OrderFacts order, MessagePerson person, string shortOrder, CancellationToken cancellationToken)
    {
        IReadOnlyList<(Guid OrderId, TicketLine Line)> tickets;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await OrderAttendees.LockOrdersAsync(connection, transaction, [order.OrderId], cancellationToken);
            if (order.GroupId is { } groupId)
            {
                await OrderAttendees.ApplyCheckoutNamesAsync(connection, transaction, groupId, cancellationToken);
            }

            await OrderAttendees.MarkConfirmationReadAsync(connection, transaction, order.OrderId, cancellationToken);
            tickets = await TicketLineReader.OfOrderAsync(connection, transaction, order.OrderId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (tickets.Count == 0)
        {
            return ([], []);
        }

        var facts = new OrderDocumentFacts(order.OrderId, shortOrder, order.EventId, order.EventName, order.Venue,
            StoredTime.Utc(order.StartsAt), StoredTime.Utc(order.EndsAt), order.Name, person.Language);
        var lines = tickets.Select(t => t.Line).ToList();
        var english = person.Language == MessageTemplates.English;
        return (attachments.For(facts, lines), AttendeeTexts.Details(lines, english, attachments.TicketsLink));
    }

    private sealed record OrderFacts(
        Guid OrderId, int Quantity, long RefundedAmount, string Name, string Email, string? Phone, bool WhatsAppOptIn,
        string Language, Guid EventId, string EventName, string Venue, DateTime StartsAt, DateTime EndsAt, string EventStatus,
        DateTime HoldExpiresAt, Guid? GroupId);
}
