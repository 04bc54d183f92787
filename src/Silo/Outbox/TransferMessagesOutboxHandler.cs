using Dapper;
using Fashionistas.Silo.Localization;
using Fashionistas.Silo.Messaging;
using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Outbox;

/// <summary>
/// Delivers <see cref="OutboxKinds.TicketTransferred"/> (payload <c>{"ticketId"}</c>, the recipient's new ticket): the
/// recipient hears who gave them which ticket and its new code; the giver that their old code no longer works.
/// </summary>
public sealed class TransferMessagesOutboxHandler(NpgsqlDataSource dataSource, IMessageSender sender) : IOutboxHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [OutboxKinds.TicketTransferred];

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var facts = await connection.QuerySingleOrDefaultAsync<Facts>(new CommandDefinition(
            """
            SELECT t.code AS Code, e.name AS EventName, e.starts_at AS StartsAt,
                   r.display_name AS Name, r.email AS Email, r.phone AS Phone, r.whatsapp_opt_in AS WhatsAppOptIn, r.language AS Language,
                   g.display_name AS GiverName, g.email AS GiverEmail, g.phone AS GiverPhone,
                   g.whatsapp_opt_in AS GiverWhatsAppOptIn, g.language AS GiverLanguage
            FROM tickets t
            JOIN tickets old ON old.id = t.transferred_from
            JOIN users r ON r.id = t.owner_id
            JOIN users g ON g.id = old.owner_id
            JOIN events e ON e.id = t.event_id
            WHERE t.id = @ticketId
            """, new { ticketId = message.IdOf("ticketId") }, cancellationToken: cancellationToken));
        if (facts is null)
        {
            return;
        }

        var recipient = new MessagePerson(facts.Name, facts.Email, facts.Phone, facts.WhatsAppOptIn, facts.Language);
        var giver = new MessagePerson(facts.GiverName, facts.GiverEmail, facts.GiverPhone, facts.GiverWhatsAppOptIn, facts.GiverLanguage);
        var received = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = recipient.Name,
            ["from"] = giver.Name,
            ["event"] = facts.EventName,
            ["date"] = Bogota.DateAndTime(StoredTime.Utc(facts.StartsAt)),
            ["code"] = facts.Code,
        };
        var given = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = giver.Name,
            ["to"] = recipient.Name,
            ["event"] = facts.EventName,
        };
        await sender.SendAllFromOutboxAsync(
            [
                .. recipient.Messages(MessageTemplates.TicketReceived, received, message.DedupeKey + ":to"),
                .. giver.Messages(MessageTemplates.TicketTransferred, given, message.DedupeKey + ":from"),
            ],
            cancellationToken);
    }

    private sealed record Facts(
        string Code, string EventName, DateTime StartsAt, string Name, string Email, string? Phone, bool WhatsAppOptIn, string Language,
        string GiverName, string GiverEmail, string? GiverPhone, bool GiverWhatsAppOptIn, string GiverLanguage);
}
