namespace Fashionistas.Silo.Messaging;

/// <summary>A file sent with an e-mail; with a <paramref name="ContentId"/> it is shown inline (<c>cid:</c>) rather than attached.</summary>
public sealed record MessageAttachment(string FileName, string ContentType, byte[] Content, string? ContentId = null);
