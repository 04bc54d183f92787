using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;

namespace Fashionistas.Grains.Storage;

/// <summary>A ticket issued in a batch; <see cref="TransferredFrom"/> is the old ticket when it was issued by a transfer.</summary>
public sealed record NewTicket(Guid Id, string Code, Guid OrderId, Guid OwnerId, TicketStatus Status, Guid? TransferredFrom = null);
