namespace Fashionistas.Web.Api.Contracts;

/// <summary>One of the caller's waitlist places, with the event and ticket type it is for.</summary>
public sealed record MyWaitlistEntryResponse(
    Guid TicketTypeId,
    string TicketTypeName,
    Guid EventId,
    string EventName,
    DateTimeOffset EventStartsAt,
    string EventStatus,
    int Position,
    DateTimeOffset JoinedAt,
    DateTimeOffset? NotifiedAt);
