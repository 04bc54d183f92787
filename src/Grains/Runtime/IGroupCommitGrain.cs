namespace Fashionistas.Grains.Runtime;

/// <summary>
/// A grain whose turns change state in memory and whose writes are committed per batch of turns.
/// The runtime drains up to a batch of messages, runs each turn, then calls <see cref="FlushAsync"/> once
/// and only after it succeeds releases the answers of that batch. When the flush throws, every caller
/// of the batch gets the exception and the activation is dropped, so the next call reloads durable state.
/// </summary>
public interface IGroupCommitGrain
{
    Task FlushAsync(CancellationToken cancellationToken);
}
