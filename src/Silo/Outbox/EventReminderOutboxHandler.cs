using Dapper;
using Fashionistas.Silo.Localization;
using Fashionistas.Silo.Messaging;
using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Outbox;

/// <summary>
/// Delivers <see cref="OutboxKinds.EventReminder"/> (payload <c>{"eventId","userId"}</c>): "see you tomorrow", unless by
/// delivery time the event was cancelled or the person no longer holds a valid ticket for it.
/// </summary>
public sealed class EventReminderOutboxHandler(NpgsqlDataSource dataSource, IMessageSender sender) : IOutboxHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [OutboxKinds.EventReminder];

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var facts = await connection.QuerySingleOrDefaultAsync<Facts>(new CommandDefinition(
            $"""
            SELECT {MessagePerson.Columns("u")}, e.name AS EventName, e.venue AS Venue, e.starts_at AS StartsAt
            FROM events e JOIN users u ON u.id = @userId
            WHERE e.id = @eventId AND e.status <> 'cancelled'
              AND EXISTS (SELECT 1 FROM tickets t WHERE t.event_id = e.id AND t.owner_id = u.id AND t.status = 'valid')
            """, new { eventId = message.IdOf("eventId"), userId = message.IdOf("userId") }, cancellationToken: cancellationToken));
        if (facts is null)
        {
            return;
        }

        var person = new MessagePerson(facts.Name, facts.Email, facts.Phone, facts.WhatsAppOptIn, facts.Language);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = person.Name,
            ["event"] = facts.EventName,
            ["date"] = Bogota.DateAndTime(StoredTime.Utc(facts.StartsAt)),
            ["venue"] = facts.Venue,
        };
        await sender.SendAllFromOutboxAsync(person.Messages(MessageTemplates.EventReminder, parameters, message.DedupeKey), cancellationToken);
    }

    private sealed record Facts(
        string Name, string Email, string? Phone, bool WhatsAppOptIn, string Language, string EventName, string Venue, DateTime StartsAt);
}
