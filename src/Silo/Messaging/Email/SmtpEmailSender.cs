using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Messaging.Email;

/// <summary>
/// E-mail through an SMTP server (MailKit). One connection per message: the outbox sends a handful per second at most,
/// and a fresh connection survives server restarts. A 5xx reply is a permanent refusal (parked by the outbox); 4xx,
/// network and TLS trouble are transient (retried with backoff). The message is journalled as sent afterwards, and a
/// retry of a dedupe key already sent is skipped.
/// </summary>
public sealed class SmtpEmailSender(IOptions<MessagingOptions> options, MessageJournal journal, ILogger<SmtpEmailSender> logger)
    : IMessageSender
{
    private const int FirstPermanentReply = 500;

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != MessageChannel.Email)
        {
            throw new MessageDeliveryException($"SMTP sends e-mail only, not {message.Channel}.", isTransient: false);
        }

        if (await journal.WasSentAsync(message.DedupeKey, cancellationToken))
        {
            return;
        }

        var smtp = options.Value.Smtp;
        var mime = EmailComposer.Compose(message, smtp);
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException refused)
        {
            var permanent = (int)refused.StatusCode >= FirstPermanentReply;
            logger.LogWarning("SMTP refused {Template} for {Recipient}: {StatusCode} {Reply}", message.TemplateName, message.Recipient,
                (int)refused.StatusCode, refused.Message);
            throw new MessageDeliveryException($"The SMTP server answered {(int)refused.StatusCode}: {refused.Message}", !permanent, refused);
        }
        catch (Exception exception) when (exception is SmtpProtocolException or SocketException or IOException or SslHandshakeException
            or AuthenticationException or ServiceNotConnectedException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MessageDeliveryException("The SMTP server could not be reached or failed mid-conversation.", isTransient: true, exception);
        }

        await journal.RecordAsync(message, MessageStatuses.Sent, mime.MessageId, cancellationToken);
        logger.LogInformation("E-mailed {Template} to {Recipient}", message.TemplateName, message.Recipient);
    }
}
