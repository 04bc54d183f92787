namespace Fashionistas.Web.Api.Contracts;

/// <summary>The caller's place on a ticket type's waitlist: position 1 is next; notifiedAt is when seats were announced to them.</summary>
public sealed record WaitlistEntryResponse(Guid TicketTypeId, int Position, DateTimeOffset JoinedAt, DateTimeOffset? NotifiedAt);
