using Fashionistas.Grains.Contracts;

namespace Fashionistas.Silo.Waitlist;

/// <summary>One of a user's waitlist places with the names to show it by.</summary>
public sealed record MyWaitlistEntry(
    Guid TicketTypeId,
    string TicketTypeName,
    Guid EventId,
    string EventName,
    DateTimeOffset EventStartsAt,
    string EventStatus,
    int Position,
    DateTimeOffset JoinedAt,
    DateTimeOffset? NotifiedAt);
