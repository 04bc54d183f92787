namespace Fashionistas.Silo.Messaging;

/// <summary>One templated message to one recipient.</summary>
/// <param name="Channel">WhatsApp or e-mail.</param>
/// <param name="Recipient">Phone number (E.164) or e-mail address.</param>
/// <param name="TemplateName">A name from <see cref="MessageTemplates"/>, e.g. <c>ticket_confirmation</c>.</param>
/// <param name="Parameters">Values for the template's <c>{{placeholders}}</c>, by name.</param>
/// <param name="Language">Template language: <c>es</c> (default) or <c>en</c>.</param>
public sealed record OutgoingMessage(
    MessageChannel Channel,
    string Recipient,
    string TemplateName,
    IReadOnlyDictionary<string, string> Parameters,
    string Language = MessageTemplates.Language)
{
    /// <summary>
    /// Names this message for good (e.g. <c>outbox:42:email</c>): a retried delivery of the same key that already went
    /// out is skipped, so one outbox row never reaches a person twice.
    /// </summary>
    public string? DedupeKey { get; init; }

    /// <summary>Files sent with an e-mail (tickets PDF, calendar entry, inline QR images); ignored by WhatsApp.</summary>
    public IReadOnlyList<MessageAttachment> Attachments { get; init; } = [];

    /// <summary>
    /// Lines an e-mail adds after its template text (each ticket and its attendee): WhatsApp templates are approved
    /// word for word, so they never carry these.
    /// </summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>The text as this message's channel shows it (<see cref="MessageTemplates"/> in its language), with the <see cref="Details"/> of an e-mail.</summary>
    public bool TryRenderText([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text)
    {
        if (!MessageTemplates.TryRender(TemplateName, Parameters, Language, out text))
        {
            return false;
        }

        if (Channel == MessageChannel.Email && Details.Count > 0)
        {
            text += "\n\n" + string.Join('\n', Details);
        }

        return true;
    }

    /// <summary>The text holds a secret (a reset or verification link): once really sent, its text is not kept.</summary>
    public bool Sensitive { get; init; }
}
