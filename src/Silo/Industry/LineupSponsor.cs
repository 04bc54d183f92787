namespace Fashionistas.Silo.Industry;

/// <summary>A sponsor as the public sees it on an event: name and tier, never the money or the contact.</summary>
public sealed record LineupSponsor(Guid SponsorId, string Name, string Tier);
