using Fashionistas.Grains.Contracts;

namespace Fashionistas.Grains.Storage;

/// <summary>
/// Everything one batch of ticket-type turns changed, committed in one transaction, only if the ticket type is still at
/// <see cref="ExpectedVersion"/> (the fence against a duplicate activation; the commit moves it one up). <see cref="Held"/> and
/// <see cref="Sold"/> are the final counters (not deltas); <see cref="Definition"/> is set when the ticket
/// type itself changed. Orders in <see cref="PaidOrders"/> must still await payment and match (hold, buyer,
/// quantity, ticket type) or the batch fails.
/// Tickets in <see cref="VoidedTickets"/> and <see cref="TransferredTickets"/> must still be valid.
/// </summary>
public sealed record InventoryBatch(
    Guid TicketTypeId,
    Guid EventId,
    long ExpectedVersion,
    int Held,
    int Sold,
    TicketTypeDefinition? Definition,
    IReadOnlyList<StoredHold> NewHolds,
    IReadOnlyList<HoldStatusChange> HoldChanges,
    IReadOnlyList<NewTicket> NewTickets,
    IReadOnlyList<PaidOrder> PaidOrders,
    IReadOnlyList<Guid> VoidedTickets,
    IReadOnlyList<Guid> TransferredTickets)
{
    /// <summary>Seats set aside by allocations and not yet held or sold (final value, like the counters).</summary>
    public int Reserved { get; init; }

    /// <summary>Allocations whose counters changed, with their final values; each row must exist for this ticket type.</summary>
    public IReadOnlyList<StoredAllocation> Allocations { get; init; } = [];

    /// <summary>Free orders of comp tickets, inserted paid (their holds are in <see cref="NewHolds"/>, converted).</summary>
    public IReadOnlyList<CompOrder> CompOrders { get; init; } = [];

    /// <summary>The named people on comp tickets issued in this batch.</summary>
    public IReadOnlyList<CompTicketName> CompNames { get; init; } = [];
}
