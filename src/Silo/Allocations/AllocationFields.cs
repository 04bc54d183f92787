namespace Fashionistas.Silo.Allocations;

/// <summary>A new allocation as the organizer asks for it; <see cref="UnitPrice"/> null: holds by its code pay the tier's price.</summary>
public sealed record AllocationFields(
    Guid TicketTypeId, string Kind, string Name, int Quantity, Guid? SponsorId, string? Code, long? UnitPrice);
