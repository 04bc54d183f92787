using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>A ticket issued by a sale. <see cref="Code"/> is unguessable (128 random bits, 26 characters of Crockford base32, see Fashionistas.Silo.Tickets.TicketCodeGenerator): it goes in the QR.</summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.IssuedTicket")]
public sealed record IssuedTicket(Guid TicketId, string Code);
