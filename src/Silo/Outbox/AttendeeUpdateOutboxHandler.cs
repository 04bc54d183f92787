using System.Globalization;
using Dapper;
using Fashionistas.Silo.Messaging;
using Fashionistas.Silo.Messaging.Documents;
using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Outbox;

/// <summary>
/// Delivers <see cref="OutboxKinds.AttendeeUpdate"/> (payload <c>{"ownerId","ticketIds"}</c>): one e-mail to the tickets'
/// owner, in their language, with the changed tickets as they are now (attendee on each page, QR inline, one PDF per
/// order). E-mail only: the tickets travel as attachments, which a WhatsApp template cannot carry. Tickets given away,
/// refunded or scanned since are left out; with none left nothing is sent.
/// </summary>
public sealed class AttendeeUpdateOutboxHandler(NpgsqlDataSource dataSource, OrderAttachments attachments, IMessageSender sender)
    : IOutboxHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [OutboxKinds.AttendeeUpdate];

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ownerId = message.IdOf("ownerId");
        var owner = await connection.QuerySingleOrDefaultAsync<MessagePerson>(new CommandDefinition(
            $"SELECT {MessagePerson.Columns("u")} FROM users u WHERE u.id = @ownerId", new { ownerId }, cancellationToken: cancellationToken));
        var tickets = await TicketLineReader.OfOwnerAsync(connection, ownerId, message.IdsOf("ticketIds"), cancellationToken);
        if (owner is null || tickets.Count == 0)
        {
            return;
        }

        var orders = (await connection.QueryAsync<OrderFacts>(new CommandDefinition(
            """
            SELECT o.id AS OrderId, e.id AS EventId, e.name AS EventName, e.venue AS Venue, e.starts_at AS StartsAt, e.ends_at AS EndsAt
            FROM orders o JOIN events e ON e.id = o.event_id
            WHERE o.id = ANY(@orderIds)
            ORDER BY e.starts_at, o.id
            """, new { orderIds = tickets.Select(t => t.OrderId).Distinct().ToArray() }, cancellationToken: cancellationToken))).ToList();
        var english = owner.Language == MessageTemplates.English;
        var files = new List<MessageAttachment>();
        var lines = new List<TicketLine>();
        foreach (var order in orders)
        {
            var ofOrder = tickets.Where(t => t.OrderId == order.OrderId).Select(t => t.Line).ToList();
            var facts = new OrderDocumentFacts(order.OrderId, OutboxMessageComposer.ShortOrder(order.OrderId), order.EventId, order.EventName,
                order.Venue, StoredTime.Utc(order.StartsAt), StoredTime.Utc(order.EndsAt), owner.Name, owner.Language);
            files.AddRange(attachments.For(facts, ofOrder, calendar: false));
            lines.AddRange(ofOrder);
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = owner.Name,
            ["event"] = string.Join(" · ", orders.Select(o => o.EventName).Distinct()),
            ["quantity"] = lines.Count.ToString(CultureInfo.InvariantCulture),
        };
        var email = owner.EmailMessage(
            MessageTemplates.AttendeeUpdate, parameters, message.DedupeKey, files, AttendeeTexts.Details(lines, english, attachments.TicketsLink));
        await sender.SendFromOutboxAsync(email, cancellationToken);
    }

    private sealed record OrderFacts(Guid OrderId, Guid EventId, string EventName, string Venue, DateTime StartsAt, DateTime EndsAt);
}
