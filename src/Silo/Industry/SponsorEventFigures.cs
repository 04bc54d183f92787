namespace Fashionistas.Silo.Industry;

/// <summary>What a sponsor got from one event: the package's benefits and how often its placement was seen.</summary>
public sealed record SponsorEventFigures(
    Guid EventId, string EventName, DateTime StartsAt, string Tier, long Contribution, long PlacementViews, IReadOnlyList<SponsorBenefit> Benefits);
