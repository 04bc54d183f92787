namespace Fashionistas.Silo.Allocations;

/// <summary>
/// A reserved allocation with its live use: seats set aside (<see cref="Quantity"/>), held and sold through it (comps
/// included), comp tickets issued and guests checked in. Counters are those of the ticket type's last commit.
/// </summary>
public sealed record Allocation(
    Guid Id,
    Guid EventId,
    Guid TicketTypeId,
    string TicketTypeName,
    string Kind,
    string Name,
    Guid? SponsorId,
    string? SponsorName,
    string? Code,
    long? UnitPrice,
    int Quantity,
    int Held,
    int Sold,
    int Remaining,
    int CompTickets,
    int CheckedIn,
    DateTime? ReleasedAt);
