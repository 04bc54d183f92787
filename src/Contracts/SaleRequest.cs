using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>
/// An order to confirm, as the caller read it from the database just before the call: the ticket-type grain does
/// no I/O in its turn, so it decides on these values and its commit re-checks them atomically (the order row must
/// still await payment and match id, hold, buyer, quantity and ticket type, or nothing of the batch is written).
/// </summary>
/// <param name="OrderStatus">The orders.status name the caller read.</param>
[GenerateSerializer, Immutable, Alias("Fashionistas.SaleRequest")]
public sealed record SaleRequest(Guid OrderId, Guid HoldId, Guid BuyerId, int Quantity, string OrderStatus)
{
    /// <summary>The order's tickets as the caller read them: not empty when it had been confirmed before.</summary>
    [Id(0)]
    public IReadOnlyList<StoredTicket> Tickets { get; init; } = [];

    /// <summary>The provider's payment id, stored with the order in the commit unless it has one already.</summary>
    [Id(1)]
    public string? PaymentReference { get; init; }
}
