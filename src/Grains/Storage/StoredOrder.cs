using Fashionistas.Grains.Contracts;

namespace Fashionistas.Grains.Storage;

/// <summary>An order row with its tickets; <see cref="Status"/> is the orders.status name.</summary>
public sealed record StoredOrder(
    Guid Id,
    Guid HoldId,
    Guid BuyerId,
    Guid TicketTypeId,
    int Quantity,
    string Status,
    IReadOnlyList<StoredTicket> Tickets,
    Guid? AllocationId = null);
