using Fashionistas.Silo.Messaging;

namespace Fashionistas.Tests.Checkout;

/// <summary>A message sender that fails as scripted (transient or permanent), then records what it sends.</summary>
public sealed class FlakySender : IMessageSender
{
    private readonly Queue<MessageDeliveryException> failures = new();

    public List<OutgoingMessage> Sent { get; } = [];

    public void FailNext(bool transient) =>
        failures.Enqueue(new MessageDeliveryException(transient ? "WATI is down" : "Unknown template", transient));

    public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (failures.TryDequeue(out var failure))
        {
            throw failure;
        }

        Sent.Add(message);
        return Task.CompletedTask;
    }
}
