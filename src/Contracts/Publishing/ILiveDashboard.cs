namespace Fashionistas.Grains.Publishing;

/// <summary>
/// Feeds organizers' live dashboards with counters the inventory does not know, such as check-ins at the door.
/// Like <see cref="IAvailabilityPublisher"/>, implementations return at once (they coalesce) and never throw.
/// </summary>
public interface ILiveDashboard
{
    /// <summary>The event now has <paramref name="count"/> check-ins in total (call after the check-in is committed).</summary>
    void CheckInsChanged(Guid eventId, int count);
}
