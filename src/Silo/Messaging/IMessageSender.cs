namespace Fashionistas.Silo.Messaging;

/// <summary>
/// Sends one message. Throws <see cref="MessageDeliveryException"/> when it could not; callers (the
/// outbox) retry transient failures with backoff and park permanent ones.
/// </summary>
public interface IMessageSender
{
    Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}
