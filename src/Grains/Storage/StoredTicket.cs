using Fashionistas.Grains.Domain;
using Orleans;

namespace Fashionistas.Grains.Storage;

/// <summary>A ticket of an order as the inventory sees it.</summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.StoredTicket")]
public sealed record StoredTicket(Guid Id, string Code, TicketStatus Status);
