using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>One event (key = event id): its details, lifecycle and the ticket types it offers.</summary>
[Alias("Fashionistas.IEventGrain")]
public interface IEventGrain : IGrainWithGuidKey
{
    /// <summary>Creates the event in draft, recording the first history row.</summary>
    Task<EventResult> Create(EventDraft draft, Guid organizerId);

    /// <summary>Edits the details; only drafts and events in revision are editable.</summary>
    Task<EventResult> UpdateDraft(EventDraft draft);

    Task<EventSnapshot?> Get();

    /// <summary>
    /// Moves the event along its lifecycle (see <see cref="EventLifecycle"/>), recording who and why. Whether
    /// <paramref name="by"/> may take the step is the caller's check. Ticket types learn the new status one-way.
    /// </summary>
    Task<TransitionResult> Transition(EventStatus to, Guid? by, string? reason);

    /// <summary>Adds a ticket type; refused when all types together would offer more seats than the event holds.</summary>
    Task<TicketTypeResult> AddTicketType(TicketTypeDefinition definition);

    /// <summary>Changes a ticket type; its capacity never goes below its seats held plus sold.</summary>
    Task<TicketTypeResult> UpdateTicketType(Guid ticketTypeId, TicketTypeDefinition definition);

    /// <summary>
    /// One-way notification from a ticket type whose availability crossed zero: the event becomes sold_out
    /// when every type has 0 seats left, and on_sale again when one has seats.
    /// </summary>
    Task TicketTypeAvailabilityChanged(Guid ticketTypeId, int available);

    /// <summary>Deletes a draft event with its ticket types; false when it does not exist or is not a draft.</summary>
    Task<bool> Delete();
}
