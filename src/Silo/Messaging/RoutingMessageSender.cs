using Fashionistas.Silo.Messaging.Email;
using Fashionistas.Silo.Messaging.Wati;

namespace Fashionistas.Silo.Messaging;

/// <summary>
/// The registered <see cref="IMessageSender"/>: WhatsApp messages go to WATI and e-mails to SMTP when each is
/// configured; a channel without its service keeps the message in <c>message_log</c> for admins to see.
/// </summary>
public sealed class RoutingMessageSender(MessageLogSender log, WatiMessageSender? whatsApp, SmtpEmailSender? email = null) : IMessageSender
{
    public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        IMessageSender sender = message.Channel switch
        {
            MessageChannel.WhatsApp when whatsApp is not null => whatsApp,
            MessageChannel.Email when email is not null => email,
            _ => log,
        };
        return sender.SendAsync(message, cancellationToken);
    }
}
