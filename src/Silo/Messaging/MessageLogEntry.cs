namespace Fashionistas.Silo.Messaging;

/// <summary>One message as the admins' "sent messages" page shows it (text null when it held a secret and really went out).</summary>
public sealed record MessageLogEntry(
    long Id, string Channel, string Recipient, string Template, string? Subject, string Status, string? Text,
    IReadOnlyList<string> Attachments, DateTimeOffset CreatedAt, DateTimeOffset? StatusUpdatedAt);
