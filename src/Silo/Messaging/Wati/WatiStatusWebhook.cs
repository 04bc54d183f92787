using System.Text.Json;

namespace Fashionistas.Silo.Messaging.Wati;

/// <summary>
/// Applies WATI's message-status events (<c>templateMessageSent_v2</c>, <c>sentMessageDELIVERED_v2</c>,
/// <c>sentMessageREAD_v2</c>, <c>templateMessageFailed_v2</c>) to the journalled message with that <c>localMessageId</c>.
/// </summary>
public sealed class WatiStatusWebhook(MessageJournal journal)
{
    /// <summary>The status now stored, null when the event is not a status we track or names no message of ours.</summary>
    public async Task<string?> ApplyAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        string? localMessageId;
        string? status;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            localMessageId = Text(root, "localMessageId");
            status = StatusOf(Text(root, "statusString"), Text(root, "eventType"));
        }
        catch (JsonException)
        {
            return null;
        }

        if (localMessageId is null || status is null)
        {
            return null;
        }

        await journal.UpdateStatusAsync(localMessageId, status, cancellationToken);
        return await journal.StatusOfAsync(localMessageId, cancellationToken);
    }

    private static string? StatusOf(string? statusString, string? eventType)
    {
        var said = (statusString ?? eventType ?? string.Empty).ToUpperInvariant();
        return said switch
        {
            _ when said.Contains("READ", StringComparison.Ordinal) => MessageStatuses.Read,
            _ when said.Contains("DELIVERED", StringComparison.Ordinal) => MessageStatuses.Delivered,
            _ when said.Contains("FAILED", StringComparison.Ordinal) => MessageStatuses.Failed,
            _ when said.Contains("SENT", StringComparison.Ordinal) => MessageStatuses.Sent,
            _ => null,
        };
    }

    private static string? Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
