using Fashionistas.Silo.Messaging.Wati;

namespace Fashionistas.Silo.Messaging;

/// <summary>
/// The registered <see cref="IMessageSender"/>: WhatsApp messages go to WATI when it is configured;
/// everything else (e-mail, or WhatsApp without WATI) is written to <c>message_log</c>.
/// </summary>
public sealed class RoutingMessageSender(MessageLogSender log, WatiMessageSender? whatsApp) : IMessageSender
{
    public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Channel == MessageChannel.WhatsApp && whatsApp is not null
            ? whatsApp.SendAsync(message, cancellationToken)
            : log.SendAsync(message, cancellationToken);
    }
}
