namespace Fashionistas.Silo.Industry;

/// <summary>Who is in an event's show: collections (in the order they were added), models and sponsors (by tier).</summary>
public sealed record Lineup(Guid EventId, IReadOnlyList<LineupShow> Shows, IReadOnlyList<LineupModel> Models, IReadOnlyList<LineupSponsor> Sponsors);
