using Fashionistas.Grains.Publishing;

namespace Fashionistas.Silo.LiveUpdates;

/// <summary>
/// This web node's live-update sink (its SignalR publisher, which coalesces and pushes): changes committed on this node
/// are handed to it directly, changes from other nodes arrive as batches through its Orleans observer reference.
/// </summary>
public sealed class LocalLiveSink(IAvailabilityPublisher availability, ILiveDashboard dashboard) : ILiveUpdateObserver
{
    public IAvailabilityPublisher Availability { get; } = availability;

    public ILiveDashboard Dashboard { get; } = dashboard;

    public Task DeliverAsync(LiveUpdateBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);

        // Counters first, so a status (sold out) never overtakes the seats that caused it.
        foreach (var snapshot in batch.Availability)
        {
            Availability.AvailabilityChanged(snapshot);
        }

        foreach (var change in batch.Statuses)
        {
            Availability.EventStatusChanged(change.EventId, change.Status);
        }

        foreach (var change in batch.CheckIns)
        {
            Dashboard.CheckInsChanged(change.EventId, change.Count);
        }

        return Task.CompletedTask;
    }
}
