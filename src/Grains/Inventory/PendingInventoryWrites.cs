using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Storage;

namespace Fashionistas.Grains.Inventory;

/// <summary>
/// The writes of the current batch of turns, folded so that each row is written once: a hold placed and
/// ended in the same batch is inserted with its final status, a ticket issued and voided likewise.
/// </summary>
public sealed class PendingInventoryWrites
{
    private readonly List<StoredHold> _newHolds = [];
    private readonly Dictionary<Guid, int> _newHoldIndex = [];
    private readonly Dictionary<Guid, (Guid BuyerId, HoldStatus Status)> _holdChanges = [];
    private readonly List<NewTicket> _newTickets = [];
    private readonly Dictionary<Guid, int> _newTicketIndex = [];
    private readonly List<PaidOrder> _paidOrders = [];
    private readonly HashSet<Guid> _voidedTickets = [];
    private readonly HashSet<Guid> _transferredTickets = [];
    private readonly List<CompOrder> _compOrders = [];
    private readonly List<CompTicketName> _compNames = [];
    private TicketTypeDefinition? _definition;
    private bool _countersChanged;

    public bool IsEmpty =>
        !_countersChanged && _newHolds.Count == 0 && _holdChanges.Count == 0 && _newTickets.Count == 0
        && _paidOrders.Count == 0 && _voidedTickets.Count == 0 && _transferredTickets.Count == 0 && _definition is null
        && _compOrders.Count == 0;

    public int NewHoldCount => _newHolds.Count;

    public void AddHold(StoredHold hold)
    {
        ArgumentNullException.ThrowIfNull(hold);
        _newHoldIndex.Add(hold.Id, _newHolds.Count);
        _newHolds.Add(hold);
    }

    public void SetHoldStatus(Guid holdId, Guid buyerId, HoldStatus status)
    {
        if (_newHoldIndex.TryGetValue(holdId, out var index))
        {
            _newHolds[index] = _newHolds[index] with { Status = status };
        }

        _holdChanges[holdId] = (buyerId, status);
    }

    /// <summary>How a hold ended in this batch, if it did (the database does not know yet).</summary>
    public (Guid BuyerId, HoldStatus Status)? FindEndedHold(Guid holdId) =>
        _holdChanges.TryGetValue(holdId, out var change) ? change : null;

    public void AddTickets(IEnumerable<NewTicket> tickets)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        foreach (var ticket in tickets)
        {
            _newTicketIndex.Add(ticket.Id, _newTickets.Count);
            _newTickets.Add(ticket);
        }
    }

    public void MarkPaid(PaidOrder order) => _paidOrders.Add(order);

    public void VoidTicket(Guid ticketId)
    {
        if (_newTicketIndex.TryGetValue(ticketId, out var index))
        {
            _newTickets[index] = _newTickets[index] with { Status = TicketStatus.Void };
            return;
        }

        _voidedTickets.Add(ticketId);
    }

    public void TransferTicket(Guid ticketId)
    {
        if (_newTicketIndex.TryGetValue(ticketId, out var index))
        {
            _newTickets[index] = _newTickets[index] with { Status = TicketStatus.Transferred };
            return;
        }

        _transferredTickets.Add(ticketId);
    }

    public void SetDefinition(TicketTypeDefinition definition) => _definition = definition;

    /// <summary>A comp ticket's free paid order and its named person (the hold and ticket are added as usual).</summary>
    public void AddComp(CompOrder order, CompTicketName name)
    {
        _compOrders.Add(order);
        _compNames.Add(name);
    }

    /// <summary>The counters differ from the stored ones although no row changed (a repair on activation).</summary>
    public void MarkCountersChanged() => _countersChanged = true;

    /// <summary>
    /// The batch, fenced on <paramref name="expectedVersion"/>: the version the writer last loaded or wrote. Allocations
    /// that differ from <paramref name="committedAllocations"/> (as of the previous batch) are written with it.
    /// </summary>
    public InventoryBatch ToBatch(
        TicketTypeState state, long expectedVersion, IReadOnlyDictionary<Guid, AllocationState> committedAllocations)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(committedAllocations);
        return new InventoryBatch(
            state.Id,
            state.EventId,
            expectedVersion,
            state.Held,
            state.Sold,
            _definition,
            [.. _newHolds],
            [.. _holdChanges.Where(c => !_newHoldIndex.ContainsKey(c.Key)).Select(c => new HoldStatusChange(c.Key, c.Value.Status))],
            [.. _newTickets],
            [.. _paidOrders],
            [.. _voidedTickets],
            [.. _transferredTickets])
        {
            Reserved = state.Reserved,
            Allocations = [.. state.Allocations.Values
                .Where(a => !committedAllocations.TryGetValue(a.Id, out var before) || before != a)
                .Select(a => a.ToStored(state.Id))],
            CompOrders = [.. _compOrders],
            CompNames = [.. _compNames],
        };
    }

    public void Clear()
    {
        _newHolds.Clear();
        _newHoldIndex.Clear();
        _holdChanges.Clear();
        _newTickets.Clear();
        _newTicketIndex.Clear();
        _paidOrders.Clear();
        _voidedTickets.Clear();
        _transferredTickets.Clear();
        _compOrders.Clear();
        _compNames.Clear();
        _definition = null;
        _countersChanged = false;
    }
}
