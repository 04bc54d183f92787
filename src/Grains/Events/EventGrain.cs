using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Inventory;
using Fashionistas.Grains.Messaging;
using Fashionistas.Grains.Publishing;
using Fashionistas.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;

namespace Fashionistas.Grains.Events;

/// <summary>
/// One event: details, lifecycle and ticket types. Changes are rare, so each is written before the turn
/// answers (no group commit). It awaits its ticket types only to change their definition; they never await
/// it, and status pushes to them are one-way, so the two kinds of grain cannot deadlock.
/// </summary>
public sealed class EventGrain(
    IEventStore store,
    IAvailabilityPublisher publisher,
    IOptions<InventoryOptions> options,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<EventGrain> logger) : Grain, IEventGrain
{
    /// <summary>History reasons of the derived sold_out/on_sale steps.</summary>
    public const string SoldOutReason = "all ticket types sold out";

    public const string SeatsReleasedReason = "seats released";

    public const string CreatedReason = "created";

    private readonly InventoryOptions _options = options.Value;
    private EventState? _state;
    private OrderedOneWaySender? _statusPushes;

    private Guid GrainKey => this.GetPrimaryKey();

    /// <summary>Queued status pushes to ticket types; tests wait on it.</summary>
    internal Task PushesIdle => _statusPushes?.Idle ?? Task.CompletedTask;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        StoredEvent? stored;
        try
        {
            stored = await store.LoadAsync(GrainKey, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Event {EventId} could not be loaded", GrainKey);
            throw GrainUnavailableException.Because($"Event {GrainKey} could not be loaded; retry.", ex);
        }

        _state = stored is null ? null : EventState.FromStored(stored);
        _statusPushes = new OrderedOneWaySender(logger, time, _options.NotificationAttempts, _options.NotificationRetryDelay);
    }

    public async Task<EventResult> Create(EventDraft draft, Guid organizerId)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (_state is not null)
        {
            return new EventResult.Refused("The event already exists.");
        }

        if (organizerId == Guid.Empty)
        {
            return new EventResult.Invalid("An event needs an organizer.");
        }

        var valid = EventDraftRules.Validate(draft);
        if (!valid.Allowed)
        {
            return new EventResult.Invalid(valid.Reason!);
        }

        var now = time.GetUtcNow();
        var stored = new StoredEvent(GrainKey, organizerId, draft, EventStatus.Draft, now, now, []);
        if (!await store.InsertAsync(stored, new StatusChange(null, EventStatus.Draft, organizerId, CreatedReason), CancellationToken.None))
        {
            return new EventResult.Invalid("The organizer does not exist.");
        }

        _state = EventState.FromStored(stored);
        logger.LogInformation("Event {EventId} created by {OrganizerId}", GrainKey, organizerId);
        return new EventResult.Ok(_state.ToSnapshot());
    }

    public async Task<EventResult> UpdateDraft(EventDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (_state is null)
        {
            return EventResult.NotFoundResult;
        }

        if (!EventLifecycle.IsEditable(_state.Status))
        {
            return new EventResult.Refused($"A {_state.Status.ToStorageName()} event cannot be edited.");
        }

        var valid = EventDraftRules.Validate(draft);
        if (!valid.Allowed)
        {
            return new EventResult.Invalid(valid.Reason!);
        }

        if (draft.Capacity < _state.TicketTypeCapacity)
        {
            return new EventResult.Refused(
                $"The ticket types already offer {_state.TicketTypeCapacity} seats; the capacity cannot be lower.");
        }

        var now = time.GetUtcNow();
        await store.UpdateDetailsAsync(GrainKey, draft, now, CancellationToken.None);
        _state = _state with { Details = draft, UpdatedAt = now };
        return new EventResult.Ok(_state.ToSnapshot());
    }

    public Task<EventSnapshot?> Get() => Task.FromResult(_state?.ToSnapshot());

    public async Task<TransitionResult> Transition(EventStatus to, Guid? by, string? reason)
    {
        if (_state is null)
        {
            return TransitionResult.NotFoundResult;
        }

        var check = EventLifecycle.CanTransition(_state.Status, to);
        if (!check.Allowed)
        {
            return new TransitionResult.Refused(check.Reason!);
        }

        if (reason?.Length > DefinitionLimits.MaxDescriptionLength)
        {
            return new TransitionResult.Refused($"The reason is longer than {DefinitionLimits.MaxDescriptionLength} characters.");
        }

        var result = await ChangeStatusAsync(to, by, reason);

        // An organizer who opens sales expects the very next hold to be accepted: answer once every ticket type has
        // the new status. Safe from deadlock because ticket types only notify this grain one-way, off their turns.
        await PushesIdle;
        return result;
    }

    public async Task<TicketTypeResult> AddTicketType(TicketTypeDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (_state is null)
        {
            return TicketTypeResult.NotFoundResult;
        }

        var refusal = CheckTicketTypeChange(definition, otherTypesCapacity: _state.TicketTypeCapacity);
        if (refusal is not null)
        {
            return refusal;
        }

        var ticketType = new TicketTypeSnapshot(Guid.CreateVersion7(time.GetUtcNow()), GrainKey, definition);
        await store.InsertTicketTypeAsync(ticketType, CancellationToken.None);
        _state = _state.WithTicketType(ticketType, definition.Capacity);
        logger.LogInformation("Ticket type {TicketTypeId} added to event {EventId}", ticketType.Id, GrainKey);

        if (_state.Status == EventStatus.SoldOut && definition.Capacity > 0)
        {
            await ChangeStatusAsync(EventStatus.OnSale, by: null, SeatsReleasedReason);
        }

        return new TicketTypeResult.Ok(ticketType);
    }

    public async Task<TicketTypeResult> UpdateTicketType(Guid ticketTypeId, TicketTypeDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var current = _state?.FindTicketType(ticketTypeId);
        if (_state is null || current is null)
        {
            return TicketTypeResult.NotFoundResult;
        }

        var refusal = CheckTicketTypeChange(
            definition, otherTypesCapacity: _state.TicketTypeCapacity - current.Definition.Capacity);
        if (refusal is not null)
        {
            return refusal;
        }

        // The ticket type grain owns its counters: it refuses a capacity below its seats held plus sold.
        var result = await GrainFactory.GetGrain<ITicketTypeGrain>(ticketTypeId).UpdateDefinition(definition);
        if (result is TicketTypeResult.Ok ok)
        {
            _state = _state.WithTicketTypeChanged(ok.TicketType);
        }

        return result;
    }

    public async Task TicketTypeAvailabilityChanged(Guid ticketTypeId, int available)
    {
        if (_state is null || !_state.Available.ContainsKey(ticketTypeId))
        {
            return;
        }

        _state = _state with { Available = _state.Available.SetItem(ticketTypeId, available) };
        if (_state.Status == EventStatus.OnSale && _state.AllTicketTypesSoldOut)
        {
            await ChangeStatusAsync(EventStatus.SoldOut, by: null, SoldOutReason);
        }
        else if (_state.Status == EventStatus.SoldOut && available > 0)
        {
            await ChangeStatusAsync(EventStatus.OnSale, by: null, SeatsReleasedReason);
        }
    }

    public async Task<bool> Delete()
    {
        if (_state is not { Status: EventStatus.Draft })
        {
            return false;
        }

        var deleted = await store.DeleteDraftAsync(GrainKey, CancellationToken.None);
        if (deleted)
        {
            _state = null;
            logger.LogInformation("Draft event {EventId} deleted", GrainKey);
            DeactivateOnIdle();
        }

        return deleted;
    }

    private TicketTypeResult? CheckTicketTypeChange(TicketTypeDefinition definition, int otherTypesCapacity)
    {
        var state = _state!;
        if (!EventLifecycle.AcceptsTicketTypeChanges(state.Status))
        {
            return new TicketTypeResult.Refused($"Ticket types of a {state.Status.ToStorageName()} event cannot change.");
        }

        var valid = TicketTypeRules.Validate(definition);
        if (!valid.Allowed)
        {
            return new TicketTypeResult.Invalid(valid.Reason!);
        }

        var fits = TicketTypeRules.FitsEventCapacity(state.Details.Capacity, otherTypesCapacity, definition.Capacity);
        return fits.Allowed ? null : new TicketTypeResult.Refused(fits.Reason!);
    }

    private async Task<TransitionResult> ChangeStatusAsync(EventStatus to, Guid? by, string? reason)
    {
        var state = _state!;
        var now = time.GetUtcNow();
        if (!await store.ChangeStatusAsync(GrainKey, new StatusChange(state.Status, to, by, reason), now, CancellationToken.None))
        {
            return new TransitionResult.Refused($"The user {by} does not exist.");
        }

        _state = state with { Status = to, UpdatedAt = now };
        logger.LogInformation(
            "Event {EventId} moved from {From} to {To} by {By}: {Reason}", GrainKey, state.Status, to, by, reason);

        try
        {
            publisher.EventStatusChanged(GrainKey, to);
        }
#pragma warning disable CA1031 // The change is committed: a failing live-update publisher must not fail the caller.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Publishing the status of event {EventId} failed", GrainKey);
        }

        // One-way and in order: ticket types never wait on this grain, and this turn never waits on them.
        var factory = GrainFactory;
        foreach (var ticketType in _state.TicketTypes)
        {
            var id = ticketType.Id;
            _statusPushes?.Enqueue($"status {to} to ticket type {id}", () => factory.GetGrain<ITicketTypeGrain>(id).SetEventStatus(to));
        }

        return new TransitionResult.Changed(_state.ToSnapshot());
    }
}
