namespace Fashionistas.Silo.Messaging.Documents;

/// <summary>One ticket as its messages show it: code, tier and attendee (document already masked, or null when the event does not ask).</summary>
public sealed record TicketLine(string Code, string TicketTypeName, string? AttendeeName, string? MaskedDocument);
