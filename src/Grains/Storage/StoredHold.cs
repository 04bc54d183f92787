using Fashionistas.Grains.Domain;

namespace Fashionistas.Grains.Storage;

/// <summary>A row of holds.</summary>
public sealed record StoredHold(
    Guid Id,
    Guid TicketTypeId,
    Guid EventId,
    Guid BuyerId,
    int Quantity,
    long UnitPrice,
    long Total,
    HoldStatus Status,
    string? IdempotencyKey,
    DateTimeOffset ExpiresAt,
    DateTimeOffset CreatedAt,
    Guid? AllocationId = null)
{
    /// <summary>The hold group (a hold across tiers) it belongs to, released and checked out as a whole; read where it matters.</summary>
    public Guid? GroupId { get; init; }
}
