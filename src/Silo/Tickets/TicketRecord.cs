namespace Fashionistas.Silo.Tickets;

/// <summary>A tickets row with its event, type and owner; <see cref="CheckedInAt"/> is set once it was scanned at the door.</summary>
public sealed record TicketRecord(
    Guid Id,
    string Code,
    Guid OrderId,
    Guid TicketTypeId,
    string TicketTypeName,
    Guid EventId,
    string EventName,
    Guid OrganizerId,
    Guid OwnerId,
    string OwnerName,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CheckedInAt)
{
    /// <summary>Who uses the ticket, when given (at checkout or later by its owner).</summary>
    public string? AttendeeName { get; init; }

    /// <summary>The attendee's document number, when given (the event may require one).</summary>
    public string? AttendeeDocument { get; init; }
}
