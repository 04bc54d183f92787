using System.Collections.Immutable;
using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Messaging;
using Fashionistas.Grains.Publishing;
using Fashionistas.Grains.Runtime;
using Fashionistas.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fashionistas.Grains.Inventory;

/// <summary>
/// The inventory of one ticket type. Each turn decides in memory against <see cref="TicketTypeState"/> and
/// appends its writes to the batch; <see cref="PrepareCommit"/> hands the batch over as captured data, the runtime
/// commits it in one transaction (while the next batch's turns may already run) and only then answers the callers.
/// Nothing here counts "available" only in memory: the counters are written with every batch.
/// </summary>
/// <remarks>
/// The hot turns (<see cref="Hold"/>, <see cref="ConfirmSale"/>, <see cref="GetAvailability"/>) do no I/O, so a
/// batch never waits for a database round trip between its turns. Rarer turns (releasing an ended hold, returns,
/// transfers of orders this activation has not seen) still read the database.
/// </remarks>
public sealed class TicketTypeGrain(
    ITicketInventoryStore store,
    IAvailabilityPublisher publisher,
    ITicketCodeSource ticketCodes,
    IOptions<InventoryOptions> options,
    ILogger<TicketTypeGrain> logger) : Grain, ITicketTypeGrain, IPipelinedGroupCommitGrain
{
    private readonly InventoryOptions _options = options.Value;

    /// <summary>Orders answered <see cref="SaleResult.NoSeats"/>: their callers refund them, so they never sell later.</summary>
    private readonly HashSet<Guid> _refusedOrders = [];

    /// <summary>Writes of the turns since the last <see cref="PrepareCommit"/>.</summary>
    private PendingInventoryWrites _pending = new();

    /// <summary>Writes of the batch being committed (not yet durable), until its <see cref="AfterCommit"/>.</summary>
    private PendingInventoryWrites? _committing;

    /// <summary>A committed writes object, cleared, for the next batch.</summary>
    private PendingInventoryWrites? _spare;

    private TicketTypeState? _state;
    private OrderedOneWaySender? _eventNotifications;
    private IDisposable? _sweepTimer;

    /// <summary>Seats available as of the last commit, to tell whether a commit moved the event's sold-out flag.</summary>
    private int _committedAvailable;

    /// <summary>Held and sold as of the last commit: a sale moves seats from held to sold without changing "available",
    /// and live dashboards still need to see it.</summary>
    private (int Held, int Sold) _committedSeats;

    /// <summary>Queued notifications to the event grain; tests wait on it.</summary>
    internal Task NotificationsIdle => _eventNotifications?.Idle ?? Task.CompletedTask;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var load = await store.LoadAsync(GrainKey, now - _options.IdempotencyWindow, cancellationToken);
        if (load is null)
        {
            // Answers NotFound until deactivated; a ticket type created later gets a fresh activation.
            DeactivateOnIdle();
            return;
        }

        _state = TicketTypeState.FromLoad(load);
        if (_state.Held != load.Held)
        {
            logger.LogWarning(
                "Ticket type {TicketTypeId} stored held={StoredHeld} but its active holds add up to {Held}; repairing",
                GrainKey, load.Held, _state.Held);
            _pending.MarkCountersChanged();
        }

        // Deadlines passed while nobody was running (a restart): those seats go back now, durably.
        var expired = ExpireDue(now);
        if (!_pending.IsEmpty)
        {
            await store.CommitAsync(_pending.ToBatch(_state), cancellationToken);
            _pending.Clear();
        }

        if (expired > 0)
        {
            logger.LogInformation("Ticket type {TicketTypeId} expired {Count} overdue holds on activation", GrainKey, expired);
        }

        _committedAvailable = _state.Available;
        _committedSeats = (_state.Held, _state.Sold);
        _eventNotifications = new OrderedOneWaySender(logger, Time, _options.NotificationAttempts, _options.NotificationRetryDelay);
        _sweepTimer = RegisterTimer(SweepAsync, _options.ExpirySweepInterval, _options.ExpirySweepInterval);

        // A notification lost in a crash is re-derived here, so the event's sold_out flag heals itself.
        if ((_state.EventStatus == EventStatus.OnSale && _state.Available == 0)
            || (_state.EventStatus == EventStatus.SoldOut && _state.Available > 0))
        {
            NotifyEvent(_state.Available);
        }
    }

    public override Task OnDeactivateAsync(CancellationToken cancellationToken)
    {
        _sweepTimer?.Dispose();
        return Task.CompletedTask;
    }

    public Task<HoldResult> Hold(HoldRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_state is null)
        {
            return Task.FromResult(HoldResult.NotFoundResult);
        }

        var now = StoredTime.ToMicroseconds(Time.GetUtcNow());
        ExpireDue(now);
        return Task.FromResult(PlaceHold(request, now));
    }

    public async Task<ReleaseResult> Release(Guid holdId, Guid buyerId)
    {
        if (_state is null)
        {
            return ReleaseResult.NotFoundResult;
        }

        ExpireDue(Time.GetUtcNow());
        if (_state.ActiveHolds.TryGetValue(holdId, out var hold))
        {
            if (hold.BuyerId != buyerId)
            {
                return ReleaseResult.NotOwnerResult;
            }

            _state = _state.WithHoldEnded(hold);
            _pending.SetHoldStatus(holdId, hold.BuyerId, HoldStatus.Released);
            return new ReleaseResult.Released(holdId, hold.Quantity);
        }

        // Not active: it ended in this batch or the one committing (not yet in the database), or earlier (in it).
        if ((_pending.FindEndedHold(holdId) ?? _committing?.FindEndedHold(holdId)) is { } ended)
        {
            return ended.BuyerId == buyerId ? new ReleaseResult.NotActive(ended.Status.ToStorageName()) : ReleaseResult.NotOwnerResult;
        }

        var stored = await store.FindHoldAsync(holdId, CancellationToken.None);
        if (stored is null || stored.TicketTypeId != GrainKey)
        {
            return ReleaseResult.NotFoundResult;
        }

        return stored.BuyerId == buyerId ? new ReleaseResult.NotActive(stored.Status.ToStorageName()) : ReleaseResult.NotOwnerResult;
    }

    public Task<AvailabilitySnapshot?> GetAvailability()
    {
        if (_state is null)
        {
            return Task.FromResult<AvailabilitySnapshot?>(null);
        }

        var now = Time.GetUtcNow();
        ExpireDue(now);
        return Task.FromResult<AvailabilitySnapshot?>(_state.ToAvailability(now));
    }

    public Task<SaleResult> ConfirmSale(SaleRequest sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        return Task.FromResult(Confirm(sale));
    }

    public async Task<ReturnResult> ReturnSeats(Guid orderId, IReadOnlyList<Guid> ticketIds)
    {
        ArgumentNullException.ThrowIfNull(ticketIds);
        if (_state is null)
        {
            return ReturnResult.NotFoundResult;
        }

        if (ticketIds.Count == 0)
        {
            return new ReturnResult.Invalid("Name at least one ticket to return.");
        }

        var order = await FindOrderTicketsAsync(orderId);
        if (order is null)
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
            _state = _state.WithSeatsReturned(updated, toVoid.Count);
            foreach (var ticketId in toVoid)
            {
                _pending.VoidTicket(ticketId);
            }
        }

        return new ReturnResult.Returned(orderId, toVoid.Count, alreadyVoid);
    }

    public async Task<TransferResult> TransferTicket(Guid orderId, Guid ticketId, Guid newOwnerId)
    {
        if (_state is null)
        {
            return TransferResult.NotFoundResult;
        }

        if (newOwnerId == Guid.Empty)
        {
            return new TransferResult.Invalid("A transfer needs a recipient.");
        }

        var order = await FindOrderTicketsAsync(orderId);
        var ticket = order?.Tickets.FirstOrDefault(t => t.Id == ticketId);
        if (order is null || ticket is null)
        {
            return TransferResult.NotFoundResult;
        }

        if (ticket.Status != TicketStatus.Valid)
        {
            return new TransferResult.Invalid($"The ticket is {ticket.Status.ToStorageName()} and cannot be transferred.");
        }

        var issued = new StoredTicket(Guid.CreateVersion7(Time.GetUtcNow()), ticketCodes.NewCode(), TicketStatus.Valid);
        var updated = order with
        {
            Tickets = [.. order.Tickets.Select(t => t.Id == ticketId ? t with { Status = TicketStatus.Transferred } : t), issued],
        };
        _state = _state.WithOrderKnown(updated);
        _pending.TransferTicket(ticketId);
        _pending.AddTickets([new NewTicket(issued.Id, issued.Code, orderId, newOwnerId, TicketStatus.Valid, ticketId)]);
        return new TransferResult.Transferred(orderId, ticketId, new IssuedTicket(issued.Id, issued.Code));
    }

    public Task<TicketTypeResult> UpdateDefinition(TicketTypeDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (_state is null)
        {
            return Task.FromResult(TicketTypeResult.NotFoundResult);
        }

        var valid = TicketTypeRules.Validate(definition);
        if (!valid.Allowed)
        {
            return Task.FromResult<TicketTypeResult>(new TicketTypeResult.Invalid(valid.Reason!));
        }

        ExpireDue(Time.GetUtcNow());
        var covers = TicketTypeRules.CapacityCoversSeatsTaken(definition.Capacity, _state.Held, _state.Sold);
        if (!covers.Allowed)
        {
            return Task.FromResult<TicketTypeResult>(new TicketTypeResult.Refused(covers.Reason!));
        }

        _state = _state.WithDefinition(definition);
        _pending.SetDefinition(definition);
        return Task.FromResult<TicketTypeResult>(new TicketTypeResult.Ok(_state.TicketType));
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

    public IPendingCommit? PrepareCommit()
    {
        if (_state is null || _pending.IsEmpty)
        {
            return null;
        }

        var writes = _pending;
        _pending = _spare ?? new PendingInventoryWrites();
        _spare = null;
        _committing = writes;
        return new InventoryCommit(store, writes.ToBatch(_state), _state, writes);
    }

    public void AfterCommit(IPendingCommit commit)
    {
        var done = (InventoryCommit)commit;
        if (ReferenceEquals(_committing, done.Writes))
        {
            _committing = null;
        }

        done.Writes.Clear();
        _spare = done.Writes;
        Publish(done.State, definitionChanged: done.Batch.Definition is not null);
    }

    /// <summary>The decision of <see cref="ConfirmSale"/>, on the caller's view of the order and this activation's memory.</summary>
    private SaleResult Confirm(SaleRequest sale)
    {
        if (_state is null)
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
        if (!OrderStatuses.AwaitsPayment(sale.OrderStatus))
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

        var now = Time.GetUtcNow();
        ExpireDue(now);
        if (_state.ActiveHolds.TryGetValue(sale.HoldId, out var hold))
        {
            if (hold.BuyerId != sale.BuyerId || hold.Quantity != sale.Quantity)
            {
                return new SaleResult.Invalid("The order does not match its hold.");
            }

            var tickets = IssueTickets(sale, now);
            _state = _state.WithHoldConverted(hold, tickets);
            return Sold(sale, tickets);
        }

        if (sale.Quantity <= _state.Available)
        {
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

        var definition = state.Definition;
        var decision = HoldRules.Evaluate(
            new HoldCandidate(
                state.EventStatus,
                definition.SalesStart,
                definition.SalesEnd,
                request.Quantity,
                definition.PerBuyerLimit,
                state.SeatsOf(request.BuyerId),
                state.Available),
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

        var quote = Pricing.Quote(definition, request.Quantity, now);
        var hold = new HoldInfo(
            Guid.CreateVersion7(now),
            state.Id,
            state.EventId,
            request.BuyerId,
            request.Quantity,
            quote.UnitPrice,
            quote.Total,
            StoredTime.ToMicroseconds(now + _options.HoldDuration),
            Replayed: false);
        _state = state.WithHoldPlaced(hold, key is { } k ? new KeyedHold(k, hold, now) : null);
        _pending.AddHold(new StoredHold(
            hold.HoldId, hold.TicketTypeId, hold.EventId, hold.BuyerId, hold.Quantity, hold.UnitPrice, hold.Total,
            HoldStatus.Active, request.IdempotencyKey, hold.ExpiresAt, now));
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
            expired++;
        }

        _state = state;
        return expired;
    }

    private Task SweepAsync()
    {
        if (_state is not null)
        {
            var now = Time.GetUtcNow();
            ExpireDue(now);
            _state = _state.WithKeysBefore(now - _options.IdempotencyWindow);
        }

        return Task.CompletedTask;
    }

    private OrderTickets IssueTickets(SaleRequest sale, DateTimeOffset now)
    {
        // Sorted by id, the order the store reads them back in, so a replay after a restart lists them alike.
        var tickets = Enumerable.Range(0, sale.Quantity)
            .Select(_ => new StoredTicket(Guid.CreateVersion7(now), ticketCodes.NewCode(), TicketStatus.Valid))
            .OrderBy(t => t.Id)
            .ToImmutableArray();
        return new OrderTickets(sale.OrderId, sale.HoldId, sale.BuyerId, tickets);
    }

    /// <summary>The order's tickets as this activation knows them, read once from the database; null when not this type's.</summary>
    private async Task<OrderTickets?> FindOrderTicketsAsync(Guid orderId)
    {
        if (_state!.Orders.TryGetValue(orderId, out var order))
        {
            return order;
        }

        var stored = await store.FindOrderAsync(orderId, CancellationToken.None);
        if (stored is null || stored.TicketTypeId != GrainKey)
        {
            return null;
        }

        order = new OrderTickets(stored.Id, stored.HoldId, stored.BuyerId, [.. stored.Tickets]);
        _state = _state!.WithOrderKnown(order);
        return order;
    }

    private static SaleResult Replay(OrderTickets order, Guid holdId) =>
        order.HoldId == holdId
            ? new SaleResult.Sold(order.OrderId, ToIssued(order), Replayed: true)
            : new SaleResult.Invalid("The order belongs to another hold.");

    private static IReadOnlyList<IssuedTicket> ToIssued(OrderTickets order) =>
        [.. order.Tickets.Select(t => new IssuedTicket(t.Id, t.Code))];

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
            publisher.AvailabilityChanged(state.ToAvailability(Time.GetUtcNow()));
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

    private void NotifyEvent(int available)
    {
        var eventId = _state!.EventId;
        var ticketTypeId = GrainKey;
        var factory = GrainFactory;
        _eventNotifications?.Enqueue(
            $"availability of {ticketTypeId} to event {eventId}",
            () => factory.Get<IEventGrain>(eventId).TicketTypeAvailabilityChanged(ticketTypeId, available));
    }
}
