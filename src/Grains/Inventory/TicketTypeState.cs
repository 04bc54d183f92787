using System.Collections.Immutable;
using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Storage;

namespace Fashionistas.Grains.Inventory;

/// <summary>
/// The in-memory truth of one ticket type between commits. Every change is a <c>with</c> copy made by one
/// of the methods below, which keep the counters, the per-buyer seats and the expiry order consistent.
/// </summary>
public sealed record TicketTypeState
{
    public required TicketTypeSnapshot TicketType { get; init; }

    public required EventStatus EventStatus { get; init; }

    public int Held { get; init; }

    public int Sold { get; init; }

    public ImmutableDictionary<Guid, HoldInfo> ActiveHolds { get; init; } = ImmutableDictionary<Guid, HoldInfo>.Empty;

    /// <summary>The active holds by deadline, so expiry looks only at the front.</summary>
    public ImmutableSortedSet<HoldDeadline> Deadlines { get; init; } = ImmutableSortedSet<HoldDeadline>.Empty;

    /// <summary>Seats per buyer: active holds plus seats sold (the per-buyer limit counts both).</summary>
    public ImmutableDictionary<Guid, int> BuyerSeats { get; init; } = ImmutableDictionary<Guid, int>.Empty;

    public ImmutableDictionary<BuyerKey, KeyedHold> RecentKeys { get; init; } = ImmutableDictionary<BuyerKey, KeyedHold>.Empty;

    /// <summary>The same keyed holds oldest first, so the window can be trimmed from the front.</summary>
    public ImmutableQueue<KeyedHold> RecentKeysByAge { get; init; } = ImmutableQueue<KeyedHold>.Empty;

    /// <summary>Keys used before the idempotency window: no longer replayed, still never reused.</summary>
    public ImmutableHashSet<BuyerKey> OlderKeys { get; init; } = ImmutableHashSet<BuyerKey>.Empty;

    public ImmutableDictionary<Guid, OrderTickets> Orders { get; init; } = ImmutableDictionary<Guid, OrderTickets>.Empty;

    /// <summary>Reserved allocations: their seats are not for the public sale.</summary>
    public ImmutableDictionary<Guid, AllocationState> Allocations { get; init; } = ImmutableDictionary<Guid, AllocationState>.Empty;

    /// <summary>Seats set aside by allocations and not yet held or sold through them.</summary>
    public int Reserved { get; init; }

    public Guid Id => TicketType.Id;

    public Guid EventId => TicketType.EventId;

    public TicketTypeDefinition Definition => TicketType.Definition;

    public int Capacity => Definition.Capacity;

    /// <summary>Seats the public sale can take: allocations' unused seats are not among them.</summary>
    public int Available => Capacity - Held - Sold - Reserved;

    public int SeatsOf(Guid buyerId) => BuyerSeats.GetValueOrDefault(buyerId);

    public AvailabilitySnapshot ToAvailability(DateTimeOffset at) =>
        new(Id, EventId, Capacity, Available, Held, Sold, at);

    public static TicketTypeState FromLoad(TicketTypeLoad load)
    {
        ArgumentNullException.ThrowIfNull(load);

        var active = load.ActiveHolds.Select(ToHoldInfo).ToList();
        var buyerSeats = new Dictionary<Guid, int>(load.SoldPerBuyer);
        foreach (var hold in active)
        {
            buyerSeats[hold.BuyerId] = buyerSeats.GetValueOrDefault(hold.BuyerId) + hold.Quantity;
        }

        // An allocation's held seats are recomputed from its active holds, like the tier's.
        var allocations = load.Allocations
            .Select(a => AllocationState.From(a) with { Held = active.Where(h => h.AllocationId == a.Id).Sum(h => h.Quantity) })
            .ToImmutableDictionary(a => a.Id);

        var keyed = load.RecentKeyedHolds
            .OrderBy(h => h.CreatedAt)
            .Select(h => new KeyedHold(new BuyerKey(h.BuyerId, h.IdempotencyKey!), ToHoldInfo(h), h.CreatedAt))
            .ToList();

        return new TicketTypeState
        {
            TicketType = load.TicketType,
            EventStatus = load.EventStatus,

            // Held is recomputed from the active holds: they are the durable detail behind the counter.
            Held = active.Sum(h => h.Quantity),
            Sold = load.Sold,
            ActiveHolds = active.ToImmutableDictionary(h => h.HoldId),
            Deadlines = active.Select(h => new HoldDeadline(h.ExpiresAt, h.HoldId)).ToImmutableSortedSet(),
            BuyerSeats = buyerSeats.ToImmutableDictionary(),
            RecentKeys = keyed.ToImmutableDictionary(k => k.Key),
            RecentKeysByAge = ImmutableQueue.CreateRange(keyed),
            OlderKeys = load.OlderKeys.ToImmutableHashSet(),
            Allocations = allocations,
            Reserved = allocations.Values.Sum(a => a.Remaining),
        };
    }

    public TicketTypeState WithHoldPlaced(HoldInfo hold, KeyedHold? keyed)
    {
        ArgumentNullException.ThrowIfNull(hold);
        var next = WithAllocationSeats(hold.AllocationId, hold.Quantity, 0) with
        {
            Held = Held + hold.Quantity,
            ActiveHolds = ActiveHolds.Add(hold.HoldId, hold),
            Deadlines = Deadlines.Add(new HoldDeadline(hold.ExpiresAt, hold.HoldId)),
            BuyerSeats = AddSeats(BuyerSeats, hold.BuyerId, hold.Quantity),
        };
        return keyed is null
            ? next
            : next with { RecentKeys = RecentKeys.Add(keyed.Key, keyed), RecentKeysByAge = RecentKeysByAge.Enqueue(keyed) };
    }

    /// <summary>A released or expired hold: its seats go back on sale and stop counting for its buyer.</summary>
    public TicketTypeState WithHoldEnded(HoldInfo hold)
    {
        ArgumentNullException.ThrowIfNull(hold);
        return WithoutActiveHold(hold).WithAllocationSeats(hold.AllocationId, -hold.Quantity, 0) with
        {
            Held = Held - hold.Quantity,
            BuyerSeats = AddSeats(BuyerSeats, hold.BuyerId, -hold.Quantity),
        };
    }

    /// <summary>A paid hold: its seats move from held to sold and still count for the buyer.</summary>
    public TicketTypeState WithHoldConverted(HoldInfo hold, OrderTickets order)
    {
        ArgumentNullException.ThrowIfNull(hold);
        ArgumentNullException.ThrowIfNull(order);
        return WithoutActiveHold(hold).WithAllocationSeats(hold.AllocationId, -hold.Quantity, hold.Quantity) with
        {
            Held = Held - hold.Quantity,
            Sold = Sold + hold.Quantity,
            Orders = Orders.SetItem(order.OrderId, order),
        };
    }

    /// <summary>A paid order whose hold had already ended sells from what is still available.</summary>
    public TicketTypeState WithSaleFromAvailability(OrderTickets order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var quantity = order.Tickets.Length;
        return this with
        {
            Sold = Sold + quantity,
            BuyerSeats = AddSeats(BuyerSeats, order.BuyerId, quantity),
            Orders = Orders.SetItem(order.OrderId, order),
        };
    }

    /// <summary>Refunded tickets were voided: <paramref name="seats"/> seats go back on sale.</summary>
    public TicketTypeState WithSeatsReturned(OrderTickets order, int seats)
    {
        ArgumentNullException.ThrowIfNull(order);
        return WithAllocationSeats(order.AllocationId, 0, -seats) with
        {
            Sold = Sold - seats,
            BuyerSeats = AddSeats(BuyerSeats, order.BuyerId, -seats),
            Orders = Orders.SetItem(order.OrderId, order),
        };
    }

    /// <summary>Comp tickets issued from an allocation: sold at once, one free order each.</summary>
    public TicketTypeState WithCompsIssued(Guid allocationId, IReadOnlyList<OrderTickets> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var state = WithAllocationSeats(allocationId, 0, orders.Sum(o => o.Tickets.Length));
        foreach (var order in orders)
        {
            state = state with
            {
                Sold = state.Sold + order.Tickets.Length,
                BuyerSeats = AddSeats(state.BuyerSeats, order.BuyerId, order.Tickets.Length),
                Orders = state.Orders.SetItem(order.OrderId, order),
            };
        }

        return state;
    }

    /// <summary>An allocation set aside, resized or released: <see cref="Reserved"/> follows its unused seats.</summary>
    public TicketTypeState WithAllocation(AllocationState allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        var before = Allocations.TryGetValue(allocation.Id, out var old) ? old.Remaining : 0;
        return this with
        {
            Allocations = Allocations.SetItem(allocation.Id, allocation),
            Reserved = Reserved - before + allocation.Remaining,
        };
    }

    public TicketTypeState WithOrderKnown(OrderTickets order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return this with { Orders = Orders.SetItem(order.OrderId, order) };
    }

    public TicketTypeState WithDefinition(TicketTypeDefinition definition) =>
        this with { TicketType = TicketType with { Definition = definition } };

    /// <summary>Keys created before <paramref name="cutoff"/> stop being replayed but stay refused.</summary>
    public TicketTypeState WithKeysBefore(DateTimeOffset cutoff)
    {
        if (RecentKeysByAge.IsEmpty || RecentKeysByAge.Peek().CreatedAt >= cutoff)
        {
            return this;
        }

        var queue = RecentKeysByAge;
        var recent = RecentKeys.ToBuilder();
        var older = OlderKeys.ToBuilder();
        while (!queue.IsEmpty && queue.Peek().CreatedAt < cutoff)
        {
            queue = queue.Dequeue(out var aged);
            recent.Remove(aged.Key);
            older.Add(aged.Key);
        }

        return this with { RecentKeysByAge = queue, RecentKeys = recent.ToImmutable(), OlderKeys = older.ToImmutable() };
    }

    /// <summary>Seats taken from (positive) or given back to (negative) an allocation; none for the public pool.</summary>
    private TicketTypeState WithAllocationSeats(Guid? allocationId, int held, int sold) =>
        allocationId is { } id && Allocations.TryGetValue(id, out var allocation)
            ? WithAllocation(allocation.WithSeats(held, sold))
            : this;

    private TicketTypeState WithoutActiveHold(HoldInfo hold) => this with
    {
        ActiveHolds = ActiveHolds.Remove(hold.HoldId),
        Deadlines = Deadlines.Remove(new HoldDeadline(hold.ExpiresAt, hold.HoldId)),
    };

    private static ImmutableDictionary<Guid, int> AddSeats(ImmutableDictionary<Guid, int> seats, Guid buyerId, int delta)
    {
        var total = seats.GetValueOrDefault(buyerId) + delta;
        return total > 0 ? seats.SetItem(buyerId, total) : seats.Remove(buyerId);
    }

    private static HoldInfo ToHoldInfo(StoredHold h) =>
        new(h.Id, h.TicketTypeId, h.EventId, h.BuyerId, h.Quantity, h.UnitPrice, h.Total, h.ExpiresAt, Replayed: false, h.AllocationId);
}
