namespace Fashionistas.Silo.Waitlist;

/// <summary>A waiter told, in one round, that seats came back (an outbox message was queued with it).</summary>
public sealed record WaitlistNotification(long EntryId, Guid UserId, Guid TicketTypeId);
