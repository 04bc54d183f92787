namespace Fashionistas.Silo.Checkout;

/// <summary>Who will use one ticket of a tier: given at checkout, written on one of that tier's tickets once issued.</summary>
public sealed record AttendeeEntry(Guid TicketTypeId, string Name, string? Document);
