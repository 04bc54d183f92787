namespace Fashionistas.Web.Api.Contracts;

/// <summary>A ticket its owner can walk in with: show the QR at qrUrl at the door.</summary>
public sealed record TicketResponse(
    Guid TicketId,
    string Code,
    string QrUrl,
    Guid OrderId,
    Guid EventId,
    string EventName,
    Guid TicketTypeId,
    string TicketTypeName,
    string Status,
    DateTimeOffset? CheckedInAt,
    string? AttendeeName = null,
    string? AttendeeDocument = null);
