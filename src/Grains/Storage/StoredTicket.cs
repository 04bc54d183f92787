using Fashionistas.Grains.Domain;

namespace Fashionistas.Grains.Storage;

/// <summary>A ticket of an order as the inventory sees it.</summary>
public sealed record StoredTicket(Guid Id, string Code, TicketStatus Status);
