namespace Fashionistas.Silo.Checkout;

/// <summary>One valid ticket of an event's guest list: whose it is, which tier, its code and whether it is in.</summary>
public sealed record GuestListEntry(
    string AttendeeName,
    string AttendeeEmail,
    string TicketTypeName,
    string Code,
    Guid OrderId,
    DateTimeOffset? CheckedInAt);
