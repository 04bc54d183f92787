namespace Fashionistas.Grains.Runtime;

/// <summary>
/// A grain whose turns change state in memory and whose writes are committed per batch of turns.
/// The runtime drains up to a batch of messages, runs each turn, then calls <see cref="FlushAsync"/> once
/// and only after it succeeds releases the answers of that batch. When the flush throws, every caller
/// of the batch gets the exception and the activation is dropped, so the next call reloads durable state.
/// </summary>
/// <remarks>
/// This is the simple contract: the activation runs no turn while <see cref="FlushAsync"/> is in flight, so
/// throughput is at most one batch per commit latency. Grains that can hand their writes over as captured
/// data implement <see cref="IPipelinedGroupCommitGrain"/> instead, and the next batch's turns then run while
/// the previous batch commits.
/// </remarks>
public interface IGroupCommitGrain
{
    Task FlushAsync(CancellationToken cancellationToken);
}
