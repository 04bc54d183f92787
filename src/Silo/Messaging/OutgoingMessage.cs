namespace Fashionistas.Silo.Messaging;

/// <summary>One templated message to one recipient.</summary>
/// <param name="Channel">WhatsApp or e-mail.</param>
/// <param name="Recipient">Phone number (with or without +57) or e-mail address.</param>
/// <param name="TemplateName">A name from <see cref="MessageTemplates"/>, e.g. <c>ticket_confirmation</c>.</param>
/// <param name="Parameters">Values for the template's <c>{{placeholders}}</c>, by name.</param>
/// <param name="Language">Template language; our templates are Spanish.</param>
public sealed record OutgoingMessage(
    MessageChannel Channel,
    string Recipient,
    string TemplateName,
    IReadOnlyDictionary<string, string> Parameters,
    string Language = MessageTemplates.Language)
{
    /// <summary>To a person of ours: by WhatsApp when they gave a phone number, otherwise by e-mail.</summary>
    public static OutgoingMessage ToPerson(
        string email, string? phone, string templateName, IReadOnlyDictionary<string, string> parameters) =>
        string.IsNullOrWhiteSpace(phone)
            ? new(MessageChannel.Email, email, templateName, parameters)
            : new(MessageChannel.WhatsApp, phone, templateName, parameters);
}
