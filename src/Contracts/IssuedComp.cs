using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>A comp ticket issued from an allocation: its paid (free) order and the ticket.</summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.IssuedComp")]
public sealed record IssuedComp(Guid OrderId, Guid OwnerId, string Name, IssuedTicket Ticket);
