using System.Net;
using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace Fashionistas.Silo.Messaging.Email;

/// <summary>
/// Turns a templated message into a MIME e-mail: subject and plain-text part in the person's language, an HTML part
/// with the same text and the inline images (ticket QR codes, <c>cid:</c>), and the attachments (tickets PDF, .ics).
/// </summary>
public static class EmailComposer
{
    /// <exception cref="MessageDeliveryException">The template is unknown or a value is missing: never sendable.</exception>
    public static MimeMessage Compose(OutgoingMessage message, SmtpOptions smtp)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(smtp);
        if (!message.TryRenderText(out var text))
        {
            throw new MessageDeliveryException(
                $"Template '{message.TemplateName}' is unknown or lacks a value: not sent half-filled.", isTransient: false);
        }

        if (!MailboxAddress.TryParse(message.Recipient, out var to))
        {
            throw new MessageDeliveryException($"'{message.Recipient}' is not an e-mail address.", isTransient: false);
        }

        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(smtp.FromName, smtp.FromAddress ?? throw new MessageDeliveryException("Messaging:Smtp:FromAddress is not set.", isTransient: false)));
        mime.To.Add(to);
        mime.Subject = MessageTemplates.Subject(message.TemplateName, message.Language, message.Parameters);
        if (message.DedupeKey is { } key)
        {
            // The same Message-ID on a resend lets mail systems drop the copy.
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
            mime.MessageId = $"{hash}@{FromDomain(smtp.FromAddress)}";
        }

        var builder = new BodyBuilder { TextBody = text, HtmlBody = Html(message, text) };
        foreach (var attachment in message.Attachments)
        {
            var contentType = ContentType.Parse(attachment.ContentType);
            if (attachment.ContentId is { } contentId)
            {
                var linked = builder.LinkedResources.Add(attachment.FileName, attachment.Content, contentType);
                linked.ContentId = contentId;
            }
            else
            {
                builder.Attachments.Add(attachment.FileName, attachment.Content, contentType);
            }
        }

        mime.Body = builder.ToMessageBody();
        return mime;
    }

    private static string Html(OutgoingMessage message, string text)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"").Append(message.Language).Append("\"><body style=\"font-family:sans-serif\">");
        foreach (var paragraph in text.Split("\n\n"))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        foreach (var image in message.Attachments.Where(a => a.ContentId is not null))
        {
            var caption = WebUtility.HtmlEncode(Path.GetFileNameWithoutExtension(image.FileName));
            html.Append("<figure style=\"margin:16px 0\"><img src=\"cid:").Append(image.ContentId)
                .Append("\" width=\"220\" height=\"220\" alt=\"").Append(caption).Append("\"><figcaption style=\"font-family:monospace\">")
                .Append(caption).Append("</figcaption></figure>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static string FromDomain(string? address) =>
        address is not null && address.LastIndexOf('@') is var at and > 0 ? address[(at + 1)..] : "fashionistas.local";
}
