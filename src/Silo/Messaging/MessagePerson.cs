namespace Fashionistas.Silo.Messaging;

/// <summary>Who a message is for, as stored: e-mail always, WhatsApp only with their consent.</summary>
public sealed record MessagePerson(string Name, string Email, string? Phone, bool WhatsAppOptIn, string Language)
{
    /// <summary>The select list that reads a person of table <c>users</c> aliased <paramref name="alias"/> into this record.</summary>
    public static string Columns(string alias) =>
        $"{alias}.display_name AS Name, {alias}.email AS Email, {alias}.phone AS Phone, " +
        $"{alias}.whatsapp_opt_in AS WhatsAppOptIn, {alias}.language AS Language";

    /// <summary>
    /// The message by e-mail, and also by WhatsApp when the person opted in with a number. Each copy gets its own
    /// dedupe key (<paramref name="dedupeKey"/> + channel), so a retry resends only the copy that did not go out.
    /// </summary>
    public IReadOnlyList<OutgoingMessage> Messages(
        string templateName, IReadOnlyDictionary<string, string> parameters, string? dedupeKey,
        IReadOnlyList<MessageAttachment>? attachments = null, IReadOnlyList<string>? details = null)
    {
        var email = EmailMessage(templateName, parameters, dedupeKey, attachments, details);
        if (!WhatsAppOptIn || string.IsNullOrWhiteSpace(Phone))
        {
            return [email];
        }

        // Our WhatsApp templates are registered in Spanish with WATI.
        var whatsApp = new OutgoingMessage(MessageChannel.WhatsApp, Phone, templateName, parameters)
        {
            DedupeKey = dedupeKey is null ? null : $"{dedupeKey}:{MessageChannelNames.WhatsApp}",
        };
        return [email, whatsApp];
    }

    /// <summary>The message by e-mail only, in the person's language (see <see cref="Messages"/>).</summary>
    public OutgoingMessage EmailMessage(
        string templateName, IReadOnlyDictionary<string, string> parameters, string? dedupeKey,
        IReadOnlyList<MessageAttachment>? attachments = null, IReadOnlyList<string>? details = null) =>
        new(MessageChannel.Email, Email, templateName, parameters, MessageTemplates.Supports(Language) ? Language : MessageTemplates.Language)
        {
            DedupeKey = dedupeKey is null ? null : $"{dedupeKey}:{MessageChannelNames.Email}",
            Attachments = attachments ?? [],
            Details = details ?? [],
        };
}
