using System.Collections.Concurrent;
using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Publishing;

namespace Fashionistas.Tests.Grains.Support;

/// <summary>Remembers what the grains published, for assertions.</summary>
public sealed class RecordingPublisher : IAvailabilityPublisher
{
    public ConcurrentQueue<AvailabilitySnapshot> Availability { get; } = new();

    public ConcurrentQueue<(Guid EventId, EventStatus Status)> Statuses { get; } = new();

    public void AvailabilityChanged(AvailabilitySnapshot snapshot) => Availability.Enqueue(snapshot);

    public void EventStatusChanged(Guid eventId, EventStatus status) => Statuses.Enqueue((eventId, status));
}
