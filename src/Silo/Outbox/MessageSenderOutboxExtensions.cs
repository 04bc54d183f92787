using Fashionistas.Silo.Messaging;

namespace Fashionistas.Silo.Outbox;

public static class MessageSenderOutboxExtensions
{
    /// <summary>
    /// Sends a message for an outbox row: a refusal that retrying cannot change (bad number, unknown template) ends the
    /// row as failed; anything else propagates and the dispatcher retries with backoff.
    /// </summary>
    public static async Task SendFromOutboxAsync(this IMessageSender sender, OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch (MessageDeliveryException refused) when (!refused.IsTransient)
        {
            throw new OutboxPermanentFailureException(refused.Message, refused);
        }
    }

    /// <summary>Sends each message for an outbox row in turn (see <see cref="SendFromOutboxAsync"/>).</summary>
    public static async Task SendAllFromOutboxAsync(
        this IMessageSender sender, IEnumerable<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            await sender.SendFromOutboxAsync(message, cancellationToken);
        }
    }
}
