namespace Fashionistas.Grains.Runtime;

/// <summary>
/// The writes of one batch of turns, taken out of the grain by <see cref="IPipelinedGroupCommitGrain.PrepareCommit"/>.
/// </summary>
/// <remarks>
/// <see cref="CommitAsync"/> runs while the grain's next turns run, so it must be pure I/O on data captured at
/// prepare time (immutable records, arrays no turn will touch again): it must never read or write grain fields.
/// </remarks>
public interface IPendingCommit
{
    /// <summary>Makes the batch durable in one transaction, or throws and writes nothing.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
