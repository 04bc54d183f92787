namespace Fashionistas.Silo.Checkout;

/// <summary>One valid ticket of an event's guest list: whose it is, which tier, its code and whether it is in.</summary>
public sealed record GuestListEntry(
    string AttendeeName,
    string AttendeeEmail,
    string TicketTypeName,
    string Code,
    Guid OrderId,
    DateTimeOffset? CheckedInAt)
{
    /// <summary>The name written on the ticket (at checkout or by its owner), when there is one.</summary>
    public string? NamedAttendee { get; init; }

    public string? AttendeeDocument { get; init; }
}
