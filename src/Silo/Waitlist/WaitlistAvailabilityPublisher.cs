using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Publishing;

namespace Fashionistas.Silo.Waitlist;

/// <summary>
/// Wraps the registered <see cref="IAvailabilityPublisher"/> (live updates) and also hands each availability change to
/// the <see cref="WaitlistTracker"/>, so the grains need not know waitlists exist. Like every publisher it returns at
/// once and never throws: the tracker only records.
/// </summary>
public sealed class WaitlistAvailabilityPublisher(IAvailabilityPublisher inner, WaitlistTracker tracker) : IAvailabilityPublisher
{
    public void AvailabilityChanged(AvailabilitySnapshot snapshot)
    {
        inner.AvailabilityChanged(snapshot);
        tracker.Offer(snapshot);
    }

    public void EventStatusChanged(Guid eventId, EventStatus status) => inner.EventStatusChanged(eventId, status);
}
