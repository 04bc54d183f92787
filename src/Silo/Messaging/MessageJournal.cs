using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Messaging;

/// <summary>
/// Table <c>message_log</c>: every message kept or sent, with its delivery state. Payload JSON:
/// <c>{"language","parameters":{...},"text","attachments":[file names]}</c> (text null for an unknown template or
/// missing parameters; text and parameters left out of a sensitive message that really went out).
/// </summary>
public sealed class MessageJournal(NpgsqlDataSource dataSource)
{
    /// <summary>True when a message with this dedupe key already went out (or was kept): a retry must skip it.</summary>
    public async Task<bool> WasSentAsync(string? dedupeKey, CancellationToken cancellationToken)
    {
        if (dedupeKey is null)
        {
            return false;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM message_log WHERE dedupe_key = @dedupeKey)", new { dedupeKey }, cancellationToken: cancellationToken));
    }

    /// <summary>Writes the message with <paramref name="status"/>; a second row for the same dedupe key is not written.</summary>
    public async Task RecordAsync(
        OutgoingMessage message, string status, string? providerMessageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var keepText = status == MessageStatuses.Kept || !message.Sensitive;
        var parameters = new JsonObject();
        if (keepText)
        {
            foreach (var (name, value) in message.Parameters)
            {
                parameters[name] = value;
            }
        }

        var payload = new JsonObject
        {
            ["language"] = message.Language,
            ["parameters"] = parameters,
            ["text"] = keepText && message.TryRenderText(out var text) ? text : null,
            ["attachments"] = new JsonArray([.. message.Attachments.Select(a => JsonValue.Create(a.FileName))]),
        };
        var subject = message.Channel == MessageChannel.Email
            ? MessageTemplates.Subject(message.TemplateName, message.Language, message.Parameters)
            : null;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO message_log (channel, recipient, template, payload, status, subject, dedupe_key, provider_message_id)
            VALUES (@channel, @recipient, @template, @payload::jsonb, @status, @subject, @dedupeKey, @providerMessageId)
            ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
            """,
            new
            {
                channel = MessageChannelNames.Of(message.Channel),
                recipient = message.Recipient,
                template = message.TemplateName,
                payload = payload.ToJsonString(),
                status,
                subject,
                dedupeKey = message.DedupeKey,
                providerMessageId,
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Moves the message the provider knows as <paramref name="providerMessageId"/> forward to <paramref name="status"/>
    /// (a late "delivered" never overwrites "read"); false when no such message or nothing changed.
    /// </summary>
    public async Task<bool> UpdateStatusAsync(string providerMessageId, string status, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE message_log SET status = @status, status_updated_at = now()
            WHERE provider_message_id = @providerMessageId
              AND array_position(ARRAY['kept', 'sent', 'delivered', 'read', 'failed'], status)
                  < array_position(ARRAY['kept', 'sent', 'delivered', 'read', 'failed'], @status)
              AND NOT (status = 'read' AND @status = 'failed')
            """, new { providerMessageId, status }, cancellationToken: cancellationToken));
        return changed > 0;
    }

    /// <summary>The status of the message the provider knows as <paramref name="providerMessageId"/>, or null.</summary>
    public async Task<string?> StatusOfAsync(string providerMessageId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT status FROM message_log WHERE provider_message_id = @providerMessageId LIMIT 1",
            new { providerMessageId }, cancellationToken: cancellationToken));
    }

    /// <summary>A page of messages, newest first, with the total count.</summary>
    public async Task<(IReadOnlyList<MessageLogEntry> Items, long Total)> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var (rows, total) = await PagedQuery.ReadAsync<Row>(dataSource,
            """
            SELECT id AS Id, channel AS Channel, recipient AS Recipient, template AS Template, subject AS Subject, status AS Status,
                   payload::text AS Payload, created_at AS CreatedAt, status_updated_at AS StatusUpdatedAt
            """,
            "FROM message_log", "created_at DESC, id DESC", new { limit = pageSize, offset = (page - 1) * pageSize }, cancellationToken);
        return ([.. rows.Select(ToEntry)], total);
    }

    private static MessageLogEntry ToEntry(Row row)
    {
        using var payload = JsonDocument.Parse(row.Payload);
        var root = payload.RootElement;
        var text = root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var attachments = root.TryGetProperty("attachments", out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray()
            : [];
        return new MessageLogEntry(row.Id, row.Channel, row.Recipient, row.Template, row.Subject, row.Status, text, attachments,
            StoredTime.Utc(row.CreatedAt), row.StatusUpdatedAt is { } updated ? StoredTime.Utc(updated) : null);
    }

    private sealed record Row(
        long Id, string Channel, string Recipient, string Template, string? Subject, string Status, string Payload,
        DateTime CreatedAt, DateTime? StatusUpdatedAt);
}
