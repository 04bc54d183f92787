using Fashionistas.Grains.Domain;

namespace Fashionistas.Grains.Storage;

/// <summary>A ticket issued in a batch.</summary>
public sealed record NewTicket(Guid Id, string Code, Guid OrderId, Guid OwnerId, TicketStatus Status);
