namespace Fashionistas.Web.Api.Contracts;

/// <summary>
/// An admitted ticket: <paramref name="AttendeeName"/> is the name on the ticket (its owner's account name when the
/// ticket names nobody), <paramref name="AttendeeDocument"/> the document number to compare with the attendee's ID.
/// </summary>
public sealed record CheckInResponse(
    Guid TicketId, string AttendeeName, string TicketType, DateTimeOffset CheckedInAt, string? AttendeeDocument = null, string? OwnerName = null);
