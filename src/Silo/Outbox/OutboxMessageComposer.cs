using System.Globalization;
using Dapper;
using Fashionistas.Silo.Localization;
using Fashionistas.Silo.Messaging;
using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Outbox;

/// <summary>
/// Turns an outbox row into the Spanish message its buyer receives, reading the order as it is at delivery time.
/// WhatsApp when the buyer has a phone number, otherwise e-mail (both land in <c>message_log</c> by default).
/// </summary>
public sealed class OutboxMessageComposer(NpgsqlDataSource dataSource)
{
    private const int ShortOrderLength = 8;

    /// <summary>The message to send; null when the order no longer exists (nothing to tell anyone).</summary>
    /// <exception cref="InvalidOperationException">The kind is unknown: the row can never be delivered.</exception>
    public async Task<OutgoingMessage?> ComposeAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var template = message.Kind switch
        {
            OutboxKinds.TicketConfirmation => MessageTemplates.TicketConfirmation,
            OutboxKinds.RefundIssued => MessageTemplates.RefundIssued,
            OutboxKinds.PaymentFailed => MessageTemplates.PaymentFailed,
            _ => throw new InvalidOperationException($"Outbox kind '{message.Kind}' has no message."),
        };

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var order = await connection.QuerySingleOrDefaultAsync<OrderFacts>(new CommandDefinition(
            """
            SELECT o.id AS OrderId, o.quantity AS Quantity, o.refunded_amount AS RefundedAmount,
                   u.display_name AS BuyerName, u.email AS Email, u.phone AS Phone,
                   e.name AS EventName, e.starts_at AS StartsAt, h.expires_at AS HoldExpiresAt
            FROM orders o
            JOIN users u ON u.id = o.buyer_id
            JOIN events e ON e.id = o.event_id
            JOIN holds h ON h.id = o.hold_id
            WHERE o.id = @orderId
            """, new { orderId = message.OrderId }, cancellationToken: cancellationToken));
        if (order is null)
        {
            return null;
        }

        var shortOrder = order.OrderId.ToString("N", CultureInfo.InvariantCulture)[..ShortOrderLength].ToUpperInvariant();
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = order.BuyerName,
            ["event"] = order.EventName,
        };
        switch (template)
        {
            case MessageTemplates.TicketConfirmation:
                parameters["quantity"] = order.Quantity.ToString(CultureInfo.InvariantCulture);
                parameters["date"] = Bogota.DateAndTime(StoredTime.Utc(order.StartsAt));
                parameters["order"] = shortOrder;
                break;
            case MessageTemplates.RefundIssued:
                parameters["amount"] = Bogota.Pesos(order.RefundedAmount);
                parameters["order"] = shortOrder;
                break;
            default:
                parameters["expires"] = Bogota.DateAndTime(StoredTime.Utc(order.HoldExpiresAt));
                break;
        }

        return OutgoingMessage.ToPerson(order.Email, order.Phone, template, parameters);
    }

    private sealed record OrderFacts(
        Guid OrderId, int Quantity, long RefundedAmount, string BuyerName, string Email, string? Phone,
        string EventName, DateTime StartsAt, DateTime HoldExpiresAt);
}
