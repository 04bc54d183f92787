using System.Collections.Immutable;
using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Storage;

namespace Fashionistas.Grains.Events;

/// <summary>
/// An event as its grain holds it. <see cref="Available"/> is the last availability each ticket type
/// reported (seeded from the stored counters), used only to derive sold_out.
/// </summary>
public sealed record EventState(
    Guid Id,
    Guid OrganizerId,
    EventDraft Details,
    EventStatus Status,
    ImmutableList<TicketTypeSnapshot> TicketTypes,
    ImmutableDictionary<Guid, int> Available,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public int TicketTypeCapacity => TicketTypes.Sum(t => t.Definition.Capacity);

    /// <summary>On sale with every ticket type at zero seats (and at least one type): the event is sold out.</summary>
    public bool AllTicketTypesSoldOut => !Available.IsEmpty && Available.Values.All(a => a <= 0);

    public TicketTypeSnapshot? FindTicketType(Guid id) => TicketTypes.Find(t => t.Id == id);

    public EventSnapshot ToSnapshot() => new(Id, OrganizerId, Details, Status, TicketTypes, CreatedAt, UpdatedAt);

    public static EventState FromStored(StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new EventState(
            stored.Id,
            stored.OrganizerId,
            stored.Details,
            stored.Status,
            [.. stored.TicketTypes.Select(t => t.TicketType)],
            stored.TicketTypes.ToImmutableDictionary(
                t => t.TicketType.Id,
                t => t.TicketType.Definition.Capacity - t.Held - t.Sold),
            stored.CreatedAt,
            stored.UpdatedAt);
    }

    public EventState WithTicketType(TicketTypeSnapshot ticketType, int available) => this with
    {
        TicketTypes = TicketTypes.Add(ticketType),
        Available = Available.SetItem(ticketType.Id, available),
    };

    public EventState WithTicketTypeChanged(TicketTypeSnapshot ticketType) => this with
    {
        TicketTypes = TicketTypes.Replace(FindTicketType(ticketType.Id)!, ticketType),
    };
}
