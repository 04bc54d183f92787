using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fashionistas.Silo.Messaging;

/// <summary>
/// The built-in sender for a channel with no service configured: "sends" by keeping the message in table
/// <c>message_log</c> (status <c>kept</c>) with its rendered text, so admins, development and tests see exactly what a
/// person would have received (the "sent messages" page).
/// </summary>
public sealed class MessageLogSender(MessageJournal journal, ILogger<MessageLogSender> logger) : IMessageSender
{
    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await journal.RecordAsync(message, MessageStatuses.Kept, null, cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            throw new MessageDeliveryException(
                "Could not write the message to message_log.", exception.IsTransient, exception);
        }

        logger.LogInformation(
            "Kept {Channel} message {Template} for {Recipient}",
            MessageChannelNames.Of(message.Channel), message.TemplateName, message.Recipient);
    }
}
