using Fashionistas.Grains.Contracts;

namespace Fashionistas.Grains.Publishing;

/// <summary>
/// Tells the world (live updates) about committed changes. Called by grains after a successful commit,
/// inside their activation: implementations must return at once (queue, coalesce) and never throw.
/// </summary>
public interface IAvailabilityPublisher
{
    void AvailabilityChanged(AvailabilitySnapshot snapshot);

    void EventStatusChanged(Guid eventId, EventStatus status);
}
