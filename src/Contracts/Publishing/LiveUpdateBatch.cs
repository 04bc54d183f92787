using Fashionistas.Grains.Contracts;
using Orleans;

namespace Fashionistas.Grains.Publishing;

/// <summary>
/// Committed changes gathered on one node over a few milliseconds, sent to every web node of the cluster: the newest
/// counters per ticket type, event status changes in commit order, check-in totals per event.
/// </summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.LiveUpdateBatch")]
public sealed record LiveUpdateBatch(
    [property: Id(0)] AvailabilitySnapshot[] Availability,
    [property: Id(1)] EventStatusChange[] Statuses,
    [property: Id(2)] CheckInsChange[] CheckIns)
{
    public bool IsEmpty => Availability.Length == 0 && Statuses.Length == 0 && CheckIns.Length == 0;
}
