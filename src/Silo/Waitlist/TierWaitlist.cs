namespace Fashionistas.Silo.Waitlist;

/// <summary>How long one tier's waitlist is, for its organizer: people waiting, and how many of them were told of seats.</summary>
public sealed record TierWaitlist(Guid TicketTypeId, string Name, int Waiting, int Notified);
