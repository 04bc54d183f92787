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
        IReadOnlyList<MessageAttachment>? attachments = null)
    {
        var language = MessageTemplates.Supports(Language) ? Language : MessageTemplates.Language;
        var email = new OutgoingMessage(MessageChannel.Email, Email, templateName, parameters, language)
        {
            DedupeKey = dedupeKey is null ? null : $"{dedupeKey}:{MessageChannelNames.Email}",
            Attachments = attachments ?? [],
        };
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
}
