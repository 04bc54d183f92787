using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;

namespace Fashionistas.Grains.Storage;

/// <summary>
/// What a ticket-type activation reads: the row, its version (the fence of its commits) and its counters, the event's status, the active holds,
/// seats sold per buyer, keyed holds inside the idempotency window (replayed in full) and the keys used
/// before it (only refused, so a late retry can never collide with the unique index).
/// </summary>
public sealed record TicketTypeLoad(
    TicketTypeSnapshot TicketType,
    EventStatus EventStatus,
    long Version,
    int Held,
    int Sold,
    IReadOnlyList<StoredHold> ActiveHolds,
    IReadOnlyDictionary<Guid, int> SoldPerBuyer,
    IReadOnlyList<StoredHold> RecentKeyedHolds,
    IReadOnlyList<BuyerKey> OlderKeys)
{
    /// <summary>The ticket type's reserved allocations.</summary>
    public IReadOnlyList<StoredAllocation> Allocations { get; init; } = [];
}
