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
    string Language = MessageTemplates.Language);
