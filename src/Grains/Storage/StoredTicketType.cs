using Fashionistas.Grains.Contracts;

namespace Fashionistas.Grains.Storage;

/// <summary>A ticket type row with its durable counters, as the event grain reads it.</summary>
public sealed record StoredTicketType(TicketTypeSnapshot TicketType, int Held, int Sold);
