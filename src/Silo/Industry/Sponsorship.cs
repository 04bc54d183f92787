namespace Fashionistas.Silo.Industry;

/// <summary>A sponsor's support of one event; <see cref="Contribution"/> in integer COP.</summary>
public sealed record Sponsorship(Guid EventId, string EventName, Guid SponsorId, string SponsorName, string Tier, long Contribution);
