namespace Fashionistas.Silo.Waitlist;

/// <summary>A user's place on one ticket type's waitlist; <see cref="Position"/> 1 is next in line.</summary>
public sealed record WaitlistPosition(Guid TicketTypeId, int Position, DateTimeOffset JoinedAt, DateTimeOffset? NotifiedAt);
