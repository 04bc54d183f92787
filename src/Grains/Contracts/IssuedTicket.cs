namespace Fashionistas.Grains.Contracts;

/// <summary>A ticket issued by a sale. <see cref="Code"/> is unguessable (128 random bits, URL-safe): it goes in the QR.</summary>
public sealed record IssuedTicket(Guid TicketId, string Code);
