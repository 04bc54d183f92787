using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>
/// A durable hold on seats, valid until <see cref="ExpiresAt"/>. <see cref="Replayed"/> is true when this is
/// the stored answer to an earlier request with the same idempotency key; <see cref="AllocationId"/> is the reserved
/// allocation it draws from (null: the public pool).
/// </summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.HoldInfo")]
public sealed record HoldInfo(
    Guid HoldId,
    Guid TicketTypeId,
    Guid EventId,
    Guid BuyerId,
    int Quantity,
    long UnitPrice,
    long Total,
    DateTimeOffset ExpiresAt,
    bool Replayed,
    Guid? AllocationId = null);
