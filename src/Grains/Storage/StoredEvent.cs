using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;

namespace Fashionistas.Grains.Storage;

/// <summary>An events row with its ticket types.</summary>
public sealed record StoredEvent(
    Guid Id,
    Guid OrganizerId,
    EventDraft Details,
    EventStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<StoredTicketType> TicketTypes);
