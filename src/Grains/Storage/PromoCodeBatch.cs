namespace Fashionistas.Grains.Storage;

/// <summary>
/// One batch of a code's turns, committed in one transaction only if the code is still at <see cref="ExpectedVersion"/>:
/// <see cref="Uses"/> is the final live count (not a delta; the database's CHECK against max_uses is the last guard),
/// <see cref="Released"/> the uses given back (each must still be live), <see cref="Disable"/> set when the code stops.
/// </summary>
public sealed record PromoCodeBatch(
    Guid CodeId,
    long ExpectedVersion,
    int Uses,
    IReadOnlyList<StoredCodeUse> NewUses,
    IReadOnlyList<Guid> Released,
    DateTimeOffset? Disable)
{
    /// <summary>
    /// Uses counted (again) for a payment that came after their hold ended: live from this batch on, marked as such,
    /// whether their row was live, given back or missing. Written before <see cref="Released"/>.
    /// </summary>
    public IReadOnlyList<StoredCodeUse> LateSales { get; init; } = [];
}
