namespace Fashionistas.Silo.Industry;

/// <summary>
/// What a sponsor got from one event: the package's benefits, how often its placement was seen, and its guests: seats
/// set aside for it (<see cref="AllocatedSeats"/>), tickets drawn from them and still valid, and those checked in.
/// </summary>
public sealed record SponsorEventFigures(
    Guid EventId, string EventName, DateTime StartsAt, string Tier, long Contribution, long PlacementViews, IReadOnlyList<SponsorBenefit> Benefits,
    int AllocatedSeats, int TicketsUsed, int CheckIns);
