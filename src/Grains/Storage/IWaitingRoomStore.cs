namespace Fashionistas.Grains.Storage;

/// <summary>Where waiting rooms live (PostgreSQL in the silo).</summary>
public interface IWaitingRoomStore
{
    /// <summary>The room of <paramref name="eventId"/>, or null when none was ever configured.</summary>
    Task<StoredWaitingRoom?> LoadAsync(Guid eventId, CancellationToken cancellationToken);

    /// <summary>Writes the batch atomically; throws <see cref="WaitingRoomFencedException"/> when the version moved.</summary>
    Task CommitAsync(WaitingRoomBatch batch, CancellationToken cancellationToken);
}
