using Dapper;
using Fashionistas.Silo.Localization;
using Fashionistas.Silo.Messaging;
using Fashionistas.Silo.Outbox;
using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Waitlist;

/// <summary>
/// Delivers <see cref="OutboxKinds.WaitlistSeatsAvailable"/> (payload <c>{"entryId","userId","ticketTypeId"}</c>),
/// queued in the round that told the waiter: an e-mail in their language, and WhatsApp too when they opted in. Nothing is sent when the entry is gone by delivery time (the waiter left, or already holds seats).
/// </summary>
public sealed class WaitlistOutboxHandler(NpgsqlDataSource dataSource, IMessageSender sender) : IOutboxHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [OutboxKinds.WaitlistSeatsAvailable];

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var entryId = message.NumberOf("entryId")
            ?? throw new OutboxPermanentFailureException($"A waitlist message without entryId: {message.Payload}");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var facts = await connection.QuerySingleOrDefaultAsync<Facts>(new CommandDefinition(
            $"""
            SELECT {MessagePerson.Columns("u")}, e.name AS EventName, e.starts_at AS StartsAt,
                   tt.name AS TicketTypeName
            FROM waitlist_entries w
            JOIN users u ON u.id = w.user_id
            JOIN ticket_types tt ON tt.id = w.ticket_type_id
            JOIN events e ON e.id = w.event_id
            WHERE w.id = @entryId
            """, new { entryId }, cancellationToken: cancellationToken));
        if (facts is null)
        {
            return;
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = facts.Name,
            ["tier"] = facts.TicketTypeName,
            ["event"] = facts.EventName,
            ["date"] = Bogota.DateAndTime(StoredTime.Utc(facts.StartsAt)),
        };
        var person = new MessagePerson(facts.Name, facts.Email, facts.Phone, facts.WhatsAppOptIn, facts.Language);
        await sender.SendAllFromOutboxAsync(
            person.Messages(MessageTemplates.WaitlistSeatsAvailable, parameters, message.DedupeKey), cancellationToken);
    }

    private sealed record Facts(
        string Name, string Email, string? Phone, bool WhatsAppOptIn, string Language, string EventName, DateTime StartsAt,
        string TicketTypeName);
}
