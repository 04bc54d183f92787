using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>A ticket of an order as the inventory sees it.</summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.StoredTicket")]
public sealed record StoredTicket(Guid Id, string Code, TicketStatus Status);
