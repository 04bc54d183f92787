using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>
/// A buyer asks to hold seats. A retry carrying the same <see cref="IdempotencyKey"/> gets the first answer
/// back and holds nothing more.
/// </summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.HoldRequest")]
public sealed record HoldRequest(Guid BuyerId, int Quantity, string? IdempotencyKey = null)
{
    /// <summary>
    /// The latest the hold may last (a hold across tiers passes its group's common deadline to every tier): the hold
    /// ends at this or at the grain's own hold duration, whichever is first. Null: the grain's hold duration.
    /// </summary>
    [Id(0)]
    public DateTimeOffset? ExpiresBy { get; init; }

    /// <summary>Hold from this reserved allocation (resolved from a code) instead of the public pool.</summary>
    [Id(1)]
    public Guid? AllocationId { get; init; }
}
