using Fashionistas.Silo.Messaging;

namespace Fashionistas.Silo.Outbox;

/// <summary>The buyer messages (confirmation, refund, failed payment): composed in Spanish and sent through <see cref="IMessageSender"/>.</summary>
public sealed class MessageOutboxHandler(OutboxMessageComposer composer, IMessageSender sender) : IOutboxHandler
{
    public IReadOnlyCollection<string> Kinds { get; } =
        [OutboxKinds.TicketConfirmation, OutboxKinds.RefundIssued, OutboxKinds.PaymentFailed];

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var outgoing = await composer.ComposeAsync(message, cancellationToken);
        if (outgoing is null)
        {
            return;
        }

        await sender.SendFromOutboxAsync(outgoing, cancellationToken);
    }
}
