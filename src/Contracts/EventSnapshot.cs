using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>An event as stored, with its ticket types.</summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.EventSnapshot")]
public sealed record EventSnapshot(
    Guid Id,
    Guid OrganizerId,
    EventDraft Details,
    EventStatus Status,
    IReadOnlyList<TicketTypeSnapshot> TicketTypes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
