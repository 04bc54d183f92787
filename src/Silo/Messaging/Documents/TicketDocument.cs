namespace Fashionistas.Silo.Messaging.Documents;

/// <summary>One ticket as its PDF page shows it.</summary>
public sealed record TicketDocument(string Code, string TicketTypeName, byte[] QrPng);
