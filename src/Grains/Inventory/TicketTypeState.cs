using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Storage;

namespace Fashionistas.Grains.Inventory;

/// <summary>
/// The in-memory truth of one ticket type between commits. It belongs to one grain activation, whose turns never run
/// in parallel, so the methods below change it in place; they alone write its collections, and they keep the counters,
/// the per-buyer seats, the expiry order and the allocations consistent with one another.
/// </summary>
/// <remarks>
/// Nothing keeps an older copy: a batch takes the counters it writes when it is built, and a failed commit breaks the
/// activation, which then reloads from the database (see <see cref="TicketTypeGrain"/>), so there is nothing to roll back.
/// Plain collections change in O(1) (or O(log n) for the deadlines) without allocating per change, where immutable ones
/// copied O(log n) tree nodes in each collection on every hold.
/// </remarks>
public sealed class TicketTypeState
{
    private readonly Dictionary<Guid, HoldInfo> _activeHolds;

    // The active holds by deadline, so expiry looks only at the front.
    private readonly SortedSet<HoldDeadline> _deadlines;

    // Seats per buyer: active holds plus seats sold (the per-buyer limit counts both).
    private readonly Dictionary<Guid, int> _buyerSeats;

    private readonly Dictionary<BuyerKey, KeyedHold> _recentKeys;

    // The same keyed holds oldest first, so the window can be trimmed from the front.
    private readonly Queue<KeyedHold> _recentKeysByAge;

    // Keys used before the idempotency window: no longer replayed, still never reused.
    private readonly HashSet<BuyerKey> _olderKeys;

    private readonly Dictionary<Guid, OrderTickets> _orders = [];

    private readonly Dictionary<Guid, AllocationState> _allocations;

    private TicketTypeState(
        TicketTypeSnapshot ticketType,
        EventStatus eventStatus,
        List<HoldInfo> activeHolds,
        Dictionary<Guid, int> buyerSeats,
        List<KeyedHold> keyedByAge,
        IEnumerable<BuyerKey> olderKeys,
        Dictionary<Guid, AllocationState> allocations)
    {
        TicketType = ticketType;
        EventStatus = eventStatus;
        _activeHolds = activeHolds.ToDictionary(h => h.HoldId);
        _deadlines = [.. activeHolds.Select(h => new HoldDeadline(h.ExpiresAt, h.HoldId))];
        _buyerSeats = buyerSeats;
        _recentKeys = keyedByAge.ToDictionary(k => k.Key);
        _recentKeysByAge = new Queue<KeyedHold>(keyedByAge);
        _olderKeys = [.. olderKeys];
        _allocations = allocations;

        // Held is recomputed from the active holds: they are the durable detail behind the counter.
        Held = activeHolds.Sum(h => h.Quantity);
        Reserved = allocations.Values.Sum(a => a.Remaining);
    }

    public TicketTypeSnapshot TicketType { get; private set; }

    public EventStatus EventStatus { get; private set; }

    public int Held { get; private set; }

    public int Sold { get; private set; }

    /// <summary>Seats set aside by allocations and not yet held or sold through them.</summary>
    public int Reserved { get; private set; }

    public IReadOnlyDictionary<Guid, HoldInfo> ActiveHolds => _activeHolds;

    public bool HasActiveHolds => _activeHolds.Count > 0;

    /// <summary>Holds placed with an idempotency key within the window, to answer retries.</summary>
    public IReadOnlyDictionary<BuyerKey, KeyedHold> RecentKeys => _recentKeys;

    /// <summary>Keys used before the idempotency window: no longer replayed, still never reused.</summary>
    public IReadOnlySet<BuyerKey> OlderKeys => _olderKeys;

    public IReadOnlyDictionary<Guid, OrderTickets> Orders => _orders;

    /// <summary>Reserved allocations: their seats are not for the public sale.</summary>
    public IReadOnlyDictionary<Guid, AllocationState> Allocations => _allocations;

    public Guid Id => TicketType.Id;

    public Guid EventId => TicketType.EventId;

    public TicketTypeDefinition Definition => TicketType.Definition;

    public int Capacity => Definition.Capacity;

    /// <summary>Seats the public sale can take: allocations' unused seats are not among them.</summary>
    public int Available => Capacity - Held - Sold - Reserved;

    public int SeatsOf(Guid buyerId) => _buyerSeats.GetValueOrDefault(buyerId);

    public AvailabilitySnapshot ToAvailability(DateTimeOffset at) =>
        new(Id, EventId, Capacity, Available, Held, Sold, at, Definition.Hidden);

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
            .ToDictionary(a => a.Id);

        var keyed = load.RecentKeyedHolds
            .OrderBy(h => h.CreatedAt)
            .Select(h => new KeyedHold(new BuyerKey(h.BuyerId, h.IdempotencyKey!), ToHoldInfo(h), h.CreatedAt))
            .ToList();

        return new TicketTypeState(load.TicketType, load.EventStatus, active, buyerSeats, keyed, load.OlderKeys, allocations)
        {
            Sold = load.Sold,
        };
    }

    /// <summary>The active hold with the earliest deadline, if that deadline is at or before <paramref name="now"/>.</summary>
    public HoldInfo? FirstDue(DateTimeOffset now)
    {
        if (_deadlines.Count == 0)
        {
            return null;
        }

        var first = _deadlines.Min;
        return first.ExpiresAt <= now ? _activeHolds[first.HoldId] : null;
    }

    /// <summary>A new hold takes its seats (from its allocation, if any) and counts for its buyer.</summary>
    public void PlaceHold(HoldInfo hold, KeyedHold? keyed)
    {
        ArgumentNullException.ThrowIfNull(hold);
        _activeHolds.Add(hold.HoldId, hold);
        _deadlines.Add(new HoldDeadline(hold.ExpiresAt, hold.HoldId));
        MoveAllocationSeats(hold.AllocationId, hold.Quantity, 0);
        Held += hold.Quantity;
        AddSeats(hold.BuyerId, hold.Quantity);
        if (keyed is not null)
        {
            _recentKeys.Add(keyed.Key, keyed);
            _recentKeysByAge.Enqueue(keyed);
        }
    }

    /// <summary>A released or expired hold: its seats go back on sale and stop counting for its buyer.</summary>
    public void EndHold(HoldInfo hold)
    {
        ArgumentNullException.ThrowIfNull(hold);
        RemoveActiveHold(hold);
        MoveAllocationSeats(hold.AllocationId, -hold.Quantity, 0);
        Held -= hold.Quantity;
        AddSeats(hold.BuyerId, -hold.Quantity);
    }

    /// <summary>A paid hold: its seats move from held to sold and still count for the buyer.</summary>
    public void ConvertHold(HoldInfo hold, OrderTickets order)
    {
        ArgumentNullException.ThrowIfNull(hold);
        ArgumentNullException.ThrowIfNull(order);
        RemoveActiveHold(hold);
        MoveAllocationSeats(hold.AllocationId, -hold.Quantity, hold.Quantity);
        Held -= hold.Quantity;
        Sold += hold.Quantity;
        _orders[order.OrderId] = order;
    }

    /// <summary>A paid order whose hold had already ended sells from what is still available.</summary>
    public void SellFromAvailability(OrderTickets order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var quantity = order.Tickets.Length;
        Sold += quantity;
        AddSeats(order.BuyerId, quantity);
        _orders[order.OrderId] = order;
    }

    /// <summary>Refunded tickets were voided: <paramref name="seats"/> seats go back on sale.</summary>
    public void ReturnSeats(OrderTickets order, int seats)
    {
        ArgumentNullException.ThrowIfNull(order);
        MoveAllocationSeats(order.AllocationId, 0, -seats);
        Sold -= seats;
        AddSeats(order.BuyerId, -seats);
        _orders[order.OrderId] = order;
    }

    /// <summary>Comp tickets issued from an allocation (already set, see <see cref="SetAllocation"/>): sold at once, one free order each.</summary>
    public void IssueComps(Guid allocationId, IReadOnlyList<OrderTickets> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        MoveAllocationSeats(allocationId, 0, orders.Sum(o => o.Tickets.Length));
        foreach (var order in orders)
        {
            Sold += order.Tickets.Length;
            AddSeats(order.BuyerId, order.Tickets.Length);
            _orders[order.OrderId] = order;
        }
    }

    /// <summary>An allocation set aside, resized or released: <see cref="Reserved"/> follows its unused seats.</summary>
    public void SetAllocation(AllocationState allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        var before = _allocations.TryGetValue(allocation.Id, out var old) ? old.Remaining : 0;
        _allocations[allocation.Id] = allocation;
        Reserved += allocation.Remaining - before;
    }

    /// <summary>An order's tickets as they are now (learnt from the database, or transferred).</summary>
    public void RememberOrder(OrderTickets order)
    {
        ArgumentNullException.ThrowIfNull(order);
        _orders[order.OrderId] = order;
    }

    public void SetDefinition(TicketTypeDefinition definition) => TicketType = TicketType with { Definition = definition };

    public void SetEventStatus(EventStatus status) => EventStatus = status;

    /// <summary>Keys created before <paramref name="cutoff"/> stop being replayed but stay refused.</summary>
    public void RetireKeysBefore(DateTimeOffset cutoff)
    {
        while (_recentKeysByAge.TryPeek(out var oldest) && oldest.CreatedAt < cutoff)
        {
            _recentKeysByAge.Dequeue();
            _recentKeys.Remove(oldest.Key);
            _olderKeys.Add(oldest.Key);
        }
    }

    /// <summary>Seats taken from (positive) or given back to (negative) an allocation; none for the public pool.</summary>
    private void MoveAllocationSeats(Guid? allocationId, int held, int sold)
    {
        if (allocationId is { } id && _allocations.TryGetValue(id, out var allocation))
        {
            SetAllocation(allocation.WithSeats(held, sold));
        }
    }

    private void RemoveActiveHold(HoldInfo hold)
    {
        _activeHolds.Remove(hold.HoldId);
        _deadlines.Remove(new HoldDeadline(hold.ExpiresAt, hold.HoldId));
    }

    private void AddSeats(Guid buyerId, int delta)
    {
        var total = _buyerSeats.GetValueOrDefault(buyerId) + delta;
        if (total > 0)
        {
            _buyerSeats[buyerId] = total;
        }
        else
        {
            _buyerSeats.Remove(buyerId);
        }
    }

    private static HoldInfo ToHoldInfo(StoredHold h) =>
        new(h.Id, h.TicketTypeId, h.EventId, h.BuyerId, h.Quantity, h.UnitPrice, h.Total, h.ExpiresAt, Replayed: false, h.AllocationId, h.PromoCodeId);
}
