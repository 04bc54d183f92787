using Fashionistas.Grains.Runtime;
using Fashionistas.Grains.Storage;

namespace Fashionistas.Grains.Inventory;

/// <summary>
/// One batch of a ticket type on its way to PostgreSQL. Everything is captured when the batch is taken: the batch
/// record, the state it brings to storage (immutable) and the writes object no turn writes to any more, so the
/// commit runs while the grain's next turns run without sharing anything they change.
/// </summary>
internal sealed class InventoryCommit(ITicketInventoryStore store, InventoryBatch batch, TicketTypeState state, PendingInventoryWrites writes)
    : IPendingCommit
{
    public InventoryBatch Batch => batch;

    /// <summary>The grain's state right after the batch's last turn: what storage holds once this commit succeeds.</summary>
    public TicketTypeState State => state;

    /// <summary>The writes taken out of the grain; turns still read it (holds ended in a batch not yet durable).</summary>
    public PendingInventoryWrites Writes => writes;

    public Task CommitAsync(CancellationToken cancellationToken) => store.CommitAsync(batch, cancellationToken);
}
