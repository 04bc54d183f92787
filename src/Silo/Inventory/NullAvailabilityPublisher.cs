using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Publishing;

namespace Fashionistas.Silo.Inventory;

/// <summary>The default publisher when no live-update channel is registered: it drops everything.</summary>
public sealed class NullAvailabilityPublisher : IAvailabilityPublisher
{
    public void AvailabilityChanged(AvailabilitySnapshot snapshot)
    {
    }

    public void EventStatusChanged(Guid eventId, EventStatus status)
    {
    }
}
