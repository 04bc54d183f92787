using System.Collections.Immutable;
using Fashionistas.Grains.Commit;
using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Messaging;
using Fashionistas.Grains.Publishing;
using Fashionistas.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Fashionistas.Grains.Inventory;

/// <summary>
/// The inventory of one ticket type. Each call decides in memory against <see cref="TicketTypeState"/> without awaiting,
/// appends its writes to the batch being collected and awaits that batch's commit (<see cref="GroupCommit"/>): one
/// commit in flight, carrying everything decided while the previous one ran, and nobody is answered before the commit
/// that made their answer durable. Nothing here counts "available" only in memory: the counters go with every batch.
/// </summary>
/// <remarks>
/// <para>Fenced writes: every commit is conditional on the version of the ticket type this activation loaded and then
/// wrote. Orleans keeps one activation per key only eventually; a duplicate's commit finds a newer version, writes
/// nothing, fails its callers and deactivates the duplicate (<see cref="InventoryFencedException"/>).</para>
/// <para>The hot calls (<see cref="Hold"/>, <see cref="ConfirmSale"/>, <see cref="GetAvailability"/>) do no I/O. Rarer
/// ones (releasing an ended hold, returns, transfers of orders this activation has not seen) read the database, and
/// re-read the activation's state after that await, since other calls ran meanwhile.</para>
/// </remarks>
// Reentrant for group commit: a call awaiting its batch's commit must not keep the next callers out, or every batch
// would hold one call. Interleaving happens only at awaits, and no decision spans an await.
[Reentrant]
public sealed partial class TicketTypeGrain(
    ITicketInventoryStore store,
    IAvailabilityPublisher publisher,
    ITicketCodeSource ticketCodes,
    IOptions<InventoryOptions> options,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<TicketTypeGrain> logger) : Grain, ITicketTypeGrain, IRemindable
{
    private readonly InventoryOptions _options = options.Value;

    /// <summary>Orders answered <see cref="SaleResult.NoSeats"/>: their callers refund them, so they never sell later.</summary>
    private readonly HashSet<Guid> _refusedOrders = [];

    /// <summary>Writes decided since the last commit started: the batch being collected.</summary>
    private PendingInventoryWrites _pending = new();

    /// <summary>Writes of the batch being committed (not yet durable): calls still read how holds ended in it.</summary>
    private PendingInventoryWrites? _committing;

    private TicketTypeState? _state;

    /// <summary>The ticket type's version in the database as of this activation's last commit (the fence).</summary>
    private long _version;

    /// <summary>Set when a commit failed: the activation's memory is no longer the database's, so it only refuses.</summary>
    private Exception? _broken;

    private GroupCommit? _commits;
    private ExpiryReminder? _reminder;
    private OrderedOneWaySender? _eventNotifications;

    /// <summary>Seats available as of the last commit, to tell whether a commit moved the event's sold-out flag.</summary>
    private int _committedAvailable;

    /// <summary>Held and sold as of the last commit: a sale moves seats from held to sold without changing "available",
    /// and live dashboards still need to see it.</summary>
    private (int Held, int Sold) _committedSeats;

    /// <summary>The allocations as of the last batch built: the next batch writes those that differ.</summary>
    private IReadOnlyDictionary<Guid, AllocationState> _committedAllocations = ImmutableDictionary<Guid, AllocationState>.Empty;

    private Guid GrainKey => this.GetPrimaryKey();

    /// <summary>Queued notifications to the event grain; tests wait on it.</summary>
    internal Task NotificationsIdle => _eventNotifications?.Idle ?? Task.CompletedTask;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        TicketTypeLoad? load;
        try
        {
            load = await store.LoadAsync(GrainKey, now - _options.IdempotencyWindow, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Ticket type {TicketTypeId} could not be loaded", GrainKey);
            throw GrainUnavailableException.Because($"Ticket type {GrainKey} could not be loaded; retry.", ex);
        }

        if (load is null)
        {
            // Answers NotFound, then deactivates (see Usable), so a ticket type created later gets a fresh activation.
            return;
        }

        _state = TicketTypeState.FromLoad(load);
        _version = load.Version;
        _commits = new GroupCommit(CommitCollectedAsync);
        _reminder = new ExpiryReminder(this, _options.ExpiryReminderPeriod, logger);
        _eventNotifications = new OrderedOneWaySender(logger, time, _options.NotificationAttempts, _options.NotificationRetryDelay);
        if (_state.Held != load.Held)
        {
            logger.LogWarning(
                "Ticket type {TicketTypeId} stored held={StoredHeld} but its active holds add up to {Held}; repairing",
                GrainKey, load.Held, _state.Held);
            _pending.MarkCountersChanged();
        }

        _committedAllocations = load.Allocations.Select(AllocationState.From).ToImmutableDictionary(a => a.Id);
        if (_state.Allocations.Values.Any(a => _committedAllocations[a.Id] != a))
        {
            _pending.MarkCountersChanged();
        }

        // Deadlines passed while nobody was running (a restart, an idle grain woken by its reminder): those seats go
        // back now, durably, before any call is served.
        _committedAvailable = _state.Capacity - load.Held - load.Sold - _committedAllocations.Values.Sum(a => a.Remaining);
        _committedSeats = (load.Held, load.Sold);
        var expired = ExpireDue(now);
        try
        {
            await _reminder.LoadAsync();
            await CommitCollectedAsync();
            await _reminder.KeepAsync(!_state.ActiveHolds.IsEmpty);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not GrainUnavailableException)
        {
            logger.LogWarning(ex, "Ticket type {TicketTypeId} could not be activated", GrainKey);
            throw GrainUnavailableException.Because($"Ticket type {GrainKey} could not be activated; retry.", ex);
        }

        if (expired > 0)
        {
            logger.LogInformation("Ticket type {TicketTypeId} expired {Count} overdue holds on activation", GrainKey, expired);
        }

        this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions
        {
            DueTime = _options.ExpirySweepInterval,
            Period = _options.ExpirySweepInterval,
            Interleave = true,
        });

        // A notification lost in a crash is re-derived here, so the event's sold_out flag heals itself.
        if ((_state.EventStatus == EventStatus.OnSale && _state.Available == 0)
            || (_state.EventStatus == EventStatus.SoldOut && _state.Available > 0))
        {
            NotifyEvent(_state.Available);
        }
    }

    public Task<HoldResult> Hold(HoldRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Usable() is null)
        {
            return Task.FromResult(HoldResult.NotFoundResult);
        }

        var now = StoredTime.ToMicroseconds(time.GetUtcNow());
        ExpireDue(now);

        // Keys leave the replay window on the call itself, not at the sweep's next tick.
        _state = _state!.WithKeysBefore(now - _options.IdempotencyWindow);
        return Durable(PlaceHold(request, now));
    }

    public async Task<ReleaseResult> Release(Guid holdId, Guid buyerId)
    {
        if (Usable() is null)
        {
            return ReleaseResult.NotFoundResult;
        }

        ExpireDue(time.GetUtcNow());
        if (_state!.ActiveHolds.TryGetValue(holdId, out var hold))
        {
            if (hold.BuyerId != buyerId)
            {
                return ReleaseResult.NotOwnerResult;
            }

            _state = _state.WithHoldEnded(hold);
            _pending.SetHoldStatus(holdId, hold.BuyerId, HoldStatus.Released);
            EndCodeUse(hold);
            return await Durable<ReleaseResult>(new ReleaseResult.Released(holdId, hold.Quantity));
        }

        // Not active: it ended in this batch or the one committing (not yet in the database), or earlier (in it).
        if ((_pending.FindEndedHold(holdId) ?? _committing?.FindEndedHold(holdId)) is { } ended)
        {
            return await Durable(ended.BuyerId == buyerId ? new ReleaseResult.NotActive(ended.Status.ToStorageName()) : ReleaseResult.NotOwnerResult);
        }

        // An ended hold never becomes active again, so what the database says stays true across this await.
        var stored = await store.FindHoldAsync(holdId, CancellationToken.None);
        if (stored is null || stored.TicketTypeId != GrainKey)
        {
            return ReleaseResult.NotFoundResult;
        }

        return stored.BuyerId == buyerId ? new ReleaseResult.NotActive(stored.Status.ToStorageName()) : ReleaseResult.NotOwnerResult;
    }

    // Read-only and answered from memory: it may include holds whose commit is still running (documented on the interface).
    public Task<AvailabilitySnapshot?> GetAvailability()
    {
        if (Usable() is null)
        {
            return Task.FromResult<AvailabilitySnapshot?>(null);
        }

        // Holds it expires go back durably before the answer shows them as seats.
        var now = time.GetUtcNow();
        var expired = ExpireDue(now);
        var snapshot = _state!.ToAvailability(now);
        return expired > 0 ? Durable<AvailabilitySnapshot?>(snapshot) : Task.FromResult<AvailabilitySnapshot?>(snapshot);
    }

    public Task<SaleResult> ConfirmSale(SaleRequest sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        return Confirm(sale, lateSaleChecked: false) is { } decided ? Durable(decided) : ConfirmLateSaleAsync(sale);
    }

    public async Task<ReturnResult> ReturnSeats(Guid orderId, Guid[] ticketIds)
    {
        ArgumentNullException.ThrowIfNull(ticketIds);
        if (Usable() is null)
        {
            return ReturnResult.NotFoundResult;
        }

        if (ticketIds.Length == 0)
        {
            return new ReturnResult.Invalid("Name at least one ticket to return.");
        }

        // Everything after this await decides on the state as it is then (another return may have run meanwhile).
        var order = await FindOrderTicketsAsync(orderId);
        if (order is null || Usable() is not { } state)
        {
            return ReturnResult.NotFoundResult;
        }

        var byId = order.Tickets.ToDictionary(t => t.Id);
        var toVoid = new HashSet<Guid>();
        var alreadyVoid = 0;
        foreach (var ticketId in ticketIds.Distinct())
        {
            if (!byId.TryGetValue(ticketId, out var ticket))
            {
                return new ReturnResult.Invalid($"Ticket {ticketId} is not part of order {orderId}.");
            }

            switch (ticket.Status)
            {
                case TicketStatus.Valid:
                    toVoid.Add(ticketId);
                    break;
                case TicketStatus.Void:
                    alreadyVoid++;
                    break;
                default:
                    return new ReturnResult.Invalid($"Ticket {ticketId} is {ticket.Status.ToStorageName()} and cannot be returned.");
            }
        }

        if (toVoid.Count > 0)
        {
            var updated = order with
            {
                Tickets = [.. order.Tickets.Select(t => toVoid.Contains(t.Id) ? t with { Status = TicketStatus.Void } : t)],
            };
            _state = state.WithSeatsReturned(updated, toVoid.Count);
            foreach (var ticketId in toVoid)
            {
                _pending.VoidTicket(ticketId);
            }
        }

        return await Durable<ReturnResult>(new ReturnResult.Returned(orderId, toVoid.Count, alreadyVoid));
    }

    public async Task<TransferResult> TransferTicket(Guid orderId, Guid ticketId, Guid newOwnerId)
    {
        if (Usable() is null)
        {
            return TransferResult.NotFoundResult;
        }

        if (newOwnerId == Guid.Empty)
        {
            return new TransferResult.Invalid("A transfer needs a recipient.");
        }

        // Everything after this await decides on the state as it is then (another transfer may have run meanwhile).
        var order = await FindOrderTicketsAsync(orderId);
        var ticket = order?.Tickets.FirstOrDefault(t => t.Id == ticketId);
        if (order is null || ticket is null || Usable() is not { } state)
        {
            return TransferResult.NotFoundResult;
        }

        if (ticket.Status != TicketStatus.Valid)
        {
            return new TransferResult.Invalid($"The ticket is {ticket.Status.ToStorageName()} and cannot be transferred.");
        }

        var issued = new StoredTicket(Guid.CreateVersion7(time.GetUtcNow()), ticketCodes.NewCode(), TicketStatus.Valid);
        var updated = order with
        {
            Tickets = [.. order.Tickets.Select(t => t.Id == ticketId ? t with { Status = TicketStatus.Transferred } : t), issued],
        };
        _state = state.WithOrderKnown(updated);
        _pending.TransferTicket(ticketId);
        _pending.AddTickets([new NewTicket(issued.Id, issued.Code, orderId, newOwnerId, TicketStatus.Valid, ticketId)]);
        return await Durable<TransferResult>(new TransferResult.Transferred(orderId, ticketId, new IssuedTicket(issued.Id, issued.Code)));
    }

    public Task<TicketTypeResult> UpdateDefinition(TicketTypeDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (Usable() is not { } state)
        {
            return Task.FromResult(TicketTypeResult.NotFoundResult);
        }

        var valid = TicketTypeRules.Validate(definition);
        if (!valid.Allowed)
        {
            return Task.FromResult<TicketTypeResult>(new TicketTypeResult.Invalid(valid.Reason!));
        }

        ExpireDue(time.GetUtcNow());
        var covers = TicketTypeRules.CapacityCoversSeatsTaken(definition.Capacity, _state!.Held, _state.Sold + _state.Reserved);
        if (!covers.Allowed)
        {
            return Durable<TicketTypeResult>(new TicketTypeResult.Refused(covers.Reason!));
        }

        _state = _state.WithDefinition(definition);
        _pending.SetDefinition(definition);
        return Durable<TicketTypeResult>(new TicketTypeResult.Ok(_state.TicketType));
    }

    public Task SetEventStatus(EventStatus status)
    {
        // A push older than the status loaded on activation is ignored (see EventLifecycle.Stage).
        if (_state is not null && EventLifecycle.Stage(status) >= EventLifecycle.Stage(_state.EventStatus))
        {
            _state = _state with { EventStatus = status };
        }

        return Task.CompletedTask;
    }

    /// <summary>The reminder only wakes an idle ticket type: activation and the sweep expire what is due.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status) => SweepAsync();

    /// <summary>
    /// The state to decide on, or null when the ticket type does not exist. Refuses at once when the activation is
    /// broken (a failed commit: it is deactivating) or when too many callers already wait, so a burst gets 503s
    /// instead of an unbounded queue.
    /// </summary>
    private TicketTypeState? Usable()
    {
        CommitRules.ThrowIfRefusing("ticket type", GrainKey, _broken, _commits, _options.MaxWaitingCalls, _options.BusyRetryAfter);
        if (_state is null)
        {
            DeactivateOnIdle();
        }

        return _state;
    }

    /// <summary>
    /// Answers once everything decided so far (this call's writes and any it read from an earlier batch still
    /// committing) is durable; when nothing is pending or in flight, at once.
    /// </summary>
    private Task<T> Durable<T>(T answer) => CommitRules.Durable(_commits, _pending.IsEmpty, answer);

    /// <summary>
    /// Commits the collected batch, fenced on the version this activation last wrote; runs as the one commit in flight.
    /// A failure breaks the activation: its memory includes writes that never happened, so it deactivates and the next
    /// call reloads the database.
    /// </summary>
    private async Task CommitCollectedAsync()
    {
        CommitRules.ThrowIfBroken("ticket type", GrainKey, _broken);
        if (_pending.IsEmpty)
        {
            return;
        }

        var writes = _pending;
        var state = _state!;
        var batch = writes.ToBatch(state, _version, _committedAllocations);
        _committedAllocations = state.Allocations;
        _pending = new PendingInventoryWrites();
        _committing = writes;
        try
        {
            await store.CommitAsync(batch, CancellationToken.None);
        }
        catch (Exception ex)
        {
            _broken = ex;
            _committing = null;
            if (ex is InventoryFencedException)
            {
                logger.LogWarning("Ticket type {TicketTypeId}: another activation committed first; this one deactivates", GrainKey);
            }
            else
            {
                logger.LogWarning(ex, "Ticket type {TicketTypeId}: a commit failed; the activation reloads", GrainKey);
            }

            DeactivateOnIdle();
            throw GrainUnavailableException.Because($"Ticket type {GrainKey}: the commit failed, nothing was written; retry.", ex);
        }

        _version++;
        _committing = null;
        Publish(state, definitionChanged: batch.Definition is not null);
        ReturnCodeUses(writes.EndedCodeUses);
        if (_reminder is { } reminder)
        {
            await reminder.KeepAsync(!state.ActiveHolds.IsEmpty);
        }
    }

    /// <summary>
    /// The decision of <see cref="ConfirmSale"/>, on the caller's view of the order and this activation's memory. Null
    /// when the order would sell after its hold ended and <paramref name="lateSaleChecked"/> is false: the hold's code
    /// must count a use first (<see cref="ConfirmLateSaleAsync"/>).
    /// </summary>
    private SaleResult? Confirm(SaleRequest sale, bool lateSaleChecked)
    {
        if (Usable() is null || _state is null)
        {
            return SaleResult.NotFoundResult;
        }

        if (_state.Orders.TryGetValue(sale.OrderId, out var confirmed))
        {
            return Replay(confirmed, sale.HoldId);
        }

        if (sale.Tickets.Count > 0)
        {
            // Confirmed by an earlier activation: the same tickets, no second effect.
            var known = new OrderTickets(sale.OrderId, sale.HoldId, sale.BuyerId, [.. sale.Tickets]);
            _state = _state.WithOrderKnown(known);
            return Replay(known, sale.HoldId);
        }

        // Cheap checks before the order joins the batch: a request that would fail the commit (and with it every
        // other caller of the batch) is refused here instead. The commit still re-checks the row atomically.
        if (!OrderStatusNames.AwaitsPayment(sale.OrderStatus))
        {
            return new SaleResult.Invalid($"The order is {sale.OrderStatus}.");
        }

        if (sale.Quantity <= 0)
        {
            return new SaleResult.Invalid("An order needs at least one seat.");
        }

        if (_refusedOrders.Contains(sale.OrderId))
        {
            return new SaleResult.NoSeats("The hold ended and its seats were sold to others.");
        }

        if (_state.EventStatus == EventStatus.Cancelled)
        {
            return new SaleResult.NoSeats("The event is cancelled.");
        }

        var now = time.GetUtcNow();
        ExpireDue(now);
        if (_state.ActiveHolds.TryGetValue(sale.HoldId, out var hold))
        {
            if (hold.BuyerId != sale.BuyerId || hold.Quantity != sale.Quantity)
            {
                return new SaleResult.Invalid("The order does not match its hold.");
            }

            var tickets = IssueTickets(sale, now, hold);
            _state = _state.WithHoldConverted(hold, tickets);
            return Sold(sale, tickets);
        }

        if (sale.Quantity <= _state.Available)
        {
            if (!lateSaleChecked)
            {
                return null;
            }

            var tickets = IssueTickets(sale, now);
            _state = _state.WithSaleFromAvailability(tickets);
            logger.LogInformation(
                "Order {OrderId} sold from availability after its hold {HoldId} had ended", sale.OrderId, sale.HoldId);
            return Sold(sale, tickets);
        }

        // Remembered: the caller refunds this order now, so a retry must not sell it while the refund runs.
        _refusedOrders.Add(sale.OrderId);
        return new SaleResult.NoSeats("The hold ended and its seats were sold to others.");
    }

    private SaleResult.Sold Sold(SaleRequest sale, OrderTickets tickets)
    {
        _pending.SetHoldStatus(sale.HoldId, sale.BuyerId, HoldStatus.Converted);
        _pending.AddTickets(tickets.Tickets.Select(t => new NewTicket(t.Id, t.Code, sale.OrderId, sale.BuyerId, t.Status)));
        _pending.MarkPaid(new PaidOrder(sale.OrderId, sale.HoldId, sale.BuyerId, sale.Quantity, sale.PaymentReference));
        return new SaleResult.Sold(sale.OrderId, ToIssued(tickets), Replayed: false);
    }

    private HoldResult PlaceHold(HoldRequest request, DateTimeOffset now)
    {
        var state = _state!;
        if (request.BuyerId == Guid.Empty)
        {
            return new HoldResult.Invalid("A hold needs a buyer.");
        }

        BuyerKey? key = null;
        if (request.IdempotencyKey is { } idempotencyKey)
        {
            if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > _options.MaxIdempotencyKeyLength)
            {
                return new HoldResult.Invalid(
                    $"An idempotency key must be 1 to {_options.MaxIdempotencyKeyLength} characters, not blank.");
            }

            key = new BuyerKey(request.BuyerId, idempotencyKey);
            if (state.RecentKeys.TryGetValue(key.Value, out var first))
            {
                return first.Hold.Quantity == request.Quantity
                    ? new HoldResult.Accepted(first.Hold with { Replayed = true })
                    : new HoldResult.Invalid("This idempotency key was used for a different quantity.");
            }

            if (state.OlderKeys.Contains(key.Value))
            {
                return new HoldResult.Invalid("This idempotency key was used before and has expired; use a new one.");
            }
        }

        AllocationState? allocation = null;
        if (request.AllocationId is { } allocationId && !state.Allocations.TryGetValue(allocationId, out allocation))
        {
            return new HoldResult.Invalid("The code does not draw from this ticket type.");
        }

        var definition = state.Definition;
        var code = request.Code;

        // A hidden tier answers exactly as one that does not exist until a code that names it is entered.
        if (definition.Hidden && code is not { UnlocksHidden: true })
        {
            return HoldResult.NotFoundResult;
        }

        var decision = HoldRules.Evaluate(
            new HoldCandidate(
                state.EventStatus,
                definition.SalesStart,
                definition.SalesEnd,
                request.Quantity,
                definition.PerBuyerLimit,
                state.SeatsOf(request.BuyerId),
                allocation?.Remaining ?? state.Available,
                Presale: code is { OpensPresale: true }),
            now);

        switch (decision)
        {
            case HoldDecision.Invalid invalid:
                return new HoldResult.Invalid(invalid.Reason);
            case HoldDecision.NotOnSale notOnSale:
                return new HoldResult.NotOnSale(notOnSale.Reason);
            case HoldDecision.OverBuyerLimit over:
                return new HoldResult.OverBuyerLimit(over.Limit, over.AlreadyHeld);
            case HoldDecision.SoldOut soldOut:
                return new HoldResult.SoldOut(soldOut.Available);
        }

        // A group's common deadline caps the hold, never lengthens it: no tier of a group outlives the group.
        var expiresAt = now + _options.HoldDuration;
        if (request.ExpiresBy is { } expiresBy)
        {
            if (expiresBy <= now)
            {
                return new HoldResult.Invalid("The hold's deadline has passed.");
            }

            expiresAt = expiresBy < expiresAt ? expiresBy : expiresAt;
        }

        // An allocation with its own price sells at that price; otherwise the tier's price rule, with the code's discount.
        var quote = allocation?.UnitPrice is { } allocationPrice
            ? new PriceQuote(allocationPrice, checked(allocationPrice * request.Quantity), EarlyBird: false, GroupDiscount: false)
            : Pricing.Quote(definition, request.Quantity, now, code is null ? null : new CodeDiscount(code.PercentOff, code.AmountOff));

        // A hold placed with a code takes the id of the code's use, so the use and its hold name each other.
        var hold = new HoldInfo(
            code?.UseId ?? Guid.CreateVersion7(now),
            state.Id,
            state.EventId,
            request.BuyerId,
            request.Quantity,
            quote.UnitPrice,
            quote.Total,
            StoredTime.ToMicroseconds(expiresAt),
            Replayed: false,
            allocation?.Id,
            code?.CodeId);
        _state = state.WithHoldPlaced(hold, key is { } k ? new KeyedHold(k, hold, now) : null);
        _pending.AddHold(new StoredHold(
            hold.HoldId, hold.TicketTypeId, hold.EventId, hold.BuyerId, hold.Quantity, hold.UnitPrice, hold.Total,
            HoldStatus.Active, request.IdempotencyKey, hold.ExpiresAt, now, hold.AllocationId, hold.PromoCodeId));
        return new HoldResult.Accepted(hold);
    }

    /// <summary>Expires every hold whose deadline has passed; returns how many.</summary>
    private int ExpireDue(DateTimeOffset now)
    {
        var state = _state!;
        var expired = 0;
        while (!state.Deadlines.IsEmpty && state.Deadlines.Min.ExpiresAt <= now)
        {
            var hold = state.ActiveHolds[state.Deadlines.Min.HoldId];
            state = state.WithHoldEnded(hold);
            _pending.SetHoldStatus(hold.HoldId, hold.BuyerId, HoldStatus.Expired);
            EndCodeUse(hold);
            expired++;
        }

        _state = state;
        return expired;
    }

    /// <summary>Expires what is due when nobody calls (timer ticks, reminder wake-ups) and commits it like a call.</summary>
    private async Task SweepAsync()
    {
        if (_state is null || _broken is not null)
        {
            return;
        }

        var now = time.GetUtcNow();
        ExpireDue(now);
        _state = _state.WithKeysBefore(now - _options.IdempotencyWindow);
        try
        {
            await Durable(0);
        }
        catch (GrainUnavailableException ex)
        {
            // The activation is already deactivating (see CommitCollectedAsync); the next activation sweeps again.
            logger.LogDebug(ex, "Sweep of ticket type {TicketTypeId} could not commit", GrainKey);
        }
    }

    private OrderTickets IssueTickets(SaleRequest sale, DateTimeOffset now, HoldInfo? hold = null)
    {
        // Sorted by id, the order the store reads them back in, so a replay after a restart lists them alike.
        var tickets = Enumerable.Range(0, sale.Quantity)
            .Select(_ => new StoredTicket(Guid.CreateVersion7(now), ticketCodes.NewCode(), TicketStatus.Valid))
            .OrderBy(t => t.Id)
            .ToImmutableArray();
        return new OrderTickets(sale.OrderId, sale.HoldId, sale.BuyerId, tickets, hold?.AllocationId);
    }

    /// <summary>The order's tickets as this activation knows them, read once from the database; null when not this type's.</summary>
    private async Task<OrderTickets?> FindOrderTicketsAsync(Guid orderId)
    {
        if (_state!.Orders.TryGetValue(orderId, out var order))
        {
            return order;
        }

        var stored = await store.FindOrderAsync(orderId, CancellationToken.None);
        if (stored is null || stored.TicketTypeId != GrainKey || _state is null)
        {
            return null;
        }

        // Another call may have learnt (and changed) this order while this one awaited the database: its copy wins.
        if (_state.Orders.TryGetValue(orderId, out var learnt))
        {
            return learnt;
        }

        order = new OrderTickets(stored.Id, stored.HoldId, stored.BuyerId, [.. stored.Tickets], stored.AllocationId);
        _state = _state.WithOrderKnown(order);
        return order;
    }

    private static SaleResult Replay(OrderTickets order, Guid holdId) =>
        order.HoldId == holdId
            ? new SaleResult.Sold(order.OrderId, ToIssued(order), Replayed: true)
            : new SaleResult.Invalid("The order belongs to another hold.");

    // An array, not a collection expression: the compiler's read-only list type would not cross a silo boundary.
    private static IssuedTicket[] ToIssued(OrderTickets order) =>
        order.Tickets.Select(t => new IssuedTicket(t.Id, t.Code)).ToArray();

    /// <summary>
    /// Runs after a commit succeeded, with the state that commit made durable (later turns may already have moved
    /// on; they publish with their own commit). Nothing here may fail the batch, which is already durable.
    /// </summary>
    private void Publish(TicketTypeState state, bool definitionChanged)
    {
        var available = state.Available;
        var previous = _committedAvailable;
        var previousSeats = _committedSeats;
        _committedAvailable = available;
        _committedSeats = (state.Held, state.Sold);
        if (available == previous && previousSeats == _committedSeats && !definitionChanged)
        {
            return;
        }

        try
        {
            publisher.AvailabilityChanged(state.ToAvailability(time.GetUtcNow()));
        }
#pragma warning disable CA1031 // The batch is committed: a failing live-update publisher must not fail its callers.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Publishing availability of ticket type {TicketTypeId} failed", state.Id);
        }

        if ((previous > 0) != (available > 0))
        {
            NotifyEvent(available);
        }
    }

    private void EndCodeUse(HoldInfo hold)
    {
        if (hold.PromoCodeId is { } codeId)
        {
            _pending.EndCodeUse(codeId, hold.HoldId);
        }
    }

    /// <summary>
    /// Tells each code whose holds ended in a committed batch to give their uses back. One-way and after the commit: a
    /// message lost in a crash only delays the return, since the code grain also checks its uses' holds at their
    /// deadlines (see <see cref="Codes.PromoCodeGrain"/>).
    /// </summary>
    private void ReturnCodeUses(ILookup<Guid, Guid> ended)
    {
        foreach (var uses in ended)
        {
            try
            {
                _ = GrainFactory.GetGrain<IPromoCodeGrain>(uses.Key).HoldsEnded([.. uses]);
            }
#pragma warning disable CA1031 // The batch is committed: the code grain's own deadline check covers a lost message.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Telling code {CodeId} that holds ended failed", uses.Key);
            }
        }
    }

    private void NotifyEvent(int available)
    {
        var eventId = _state!.EventId;
        var ticketTypeId = GrainKey;
        var factory = GrainFactory;
        _eventNotifications?.Enqueue(
            $"availability of {ticketTypeId} to event {eventId}",
            () => factory.GetGrain<IEventGrain>(eventId).TicketTypeAvailabilityChanged(ticketTypeId, available));
    }
}
