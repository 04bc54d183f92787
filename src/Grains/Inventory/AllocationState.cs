using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Storage;

namespace Fashionistas.Grains.Inventory;

/// <summary>
/// One reserved allocation in memory; <see cref="UnitPrice"/> null: holds from it pay the tier's pricing. Once
/// <see cref="Released"/>, seats that come back to it (an expired hold, a refund) go to the public sale instead.
/// </summary>
public sealed record AllocationState(Guid Id, int Quantity, int Held, int Sold, long? UnitPrice, bool Released)
{
    public int Remaining => Quantity - Held - Sold;

    public AllocationSeats ToSeats() => new(Id, Quantity, Held, Sold);

    public StoredAllocation ToStored(Guid ticketTypeId) => new(Id, ticketTypeId, Quantity, Held, Sold, UnitPrice, Released);

    /// <summary>Seats taken (positive) or given back (negative); a released allocation shrinks with what it gives back.</summary>
    public AllocationState WithSeats(int held, int sold)
    {
        var back = Released ? Math.Max(0, -(held + sold)) : 0;
        return this with { Held = Held + held, Sold = Sold + sold, Quantity = Quantity - back };
    }

    public static AllocationState From(StoredAllocation stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new AllocationState(stored.Id, stored.Quantity, stored.Held, stored.Sold, stored.UnitPrice, stored.Released);
    }
}
