using Fashionistas.Grains.Domain;

namespace Fashionistas.Grains.Storage;

/// <summary>
/// A row of promo_code_uses (its id is its hold's id), with the status of that hold when loaded (null: no hold row yet)
/// and whether the use was already given back.
/// </summary>
public sealed record StoredCodeUse(
    Guid Id,
    Guid BuyerId,
    string? IdempotencyKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset Deadline,
    bool Released = false,
    HoldStatus? HoldStatus = null)
{
    /// <summary>Counted for a payment that came after its hold ended (promo_code_uses.late_sale_at is set).</summary>
    public bool LateSale { get; init; }
}
