using Fashionistas.Silo.Messaging;

namespace Fashionistas.Silo.Outbox;

/// <summary>The buyer's order messages (confirmation with tickets, refund, failed payment, cancellation), in their language.</summary>
public sealed class MessageOutboxHandler(OutboxMessageComposer composer, IMessageSender sender) : IOutboxHandler
{
    public IReadOnlyCollection<string> Kinds { get; } =
        [OutboxKinds.TicketConfirmation, OutboxKinds.RefundIssued, OutboxKinds.PaymentFailed, OutboxKinds.OrderCancelled];

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await sender.SendAllFromOutboxAsync(await composer.ComposeAsync(message, cancellationToken), cancellationToken);
    }
}
