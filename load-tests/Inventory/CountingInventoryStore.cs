using Fashionistas.Grains.Storage;

namespace Fashionistas.LoadTests.Inventory;

/// <summary>Passes everything to the real store and counts commits, to report the size of group commits.</summary>
internal sealed class CountingInventoryStore(ITicketInventoryStore inner) : ITicketInventoryStore
{
    private long _commits;
    private long _newHolds;
    private long _commitTicks;

    public long Commits => Interlocked.Read(ref _commits);

    public long NewHolds => Interlocked.Read(ref _newHolds);

    /// <summary>Time spent inside commits, summed over all grains.</summary>
    public TimeSpan CommitTime => TimeSpan.FromTicks(Interlocked.Read(ref _commitTicks));

    public Task<TicketTypeLoad?> LoadAsync(Guid ticketTypeId, DateTimeOffset keysSince, CancellationToken cancellationToken) =>
        inner.LoadAsync(ticketTypeId, keysSince, cancellationToken);

    public async Task CommitAsync(InventoryBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await inner.CommitAsync(batch, cancellationToken);
        Interlocked.Add(ref _commitTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _newHolds, batch.NewHolds.Count);
    }

    public Task<StoredHold?> FindHoldAsync(Guid holdId, CancellationToken cancellationToken) =>
        inner.FindHoldAsync(holdId, cancellationToken);

    public Task<StoredOrder?> FindOrderAsync(Guid orderId, CancellationToken cancellationToken) =>
        inner.FindOrderAsync(orderId, cancellationToken);

    public Task<StoredAllocation?> FindAllocationAsync(Guid allocationId, CancellationToken cancellationToken) =>
        inner.FindAllocationAsync(allocationId, cancellationToken);
}
