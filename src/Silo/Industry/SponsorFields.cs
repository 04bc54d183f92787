namespace Fashionistas.Silo.Industry;

/// <summary>What an organizer writes about a sponsor (already validated); <see cref="Tier"/> is one of <see cref="SponsorTiers.All"/>.</summary>
public sealed record SponsorFields(string Name, string? ContactName, string? ContactEmail, string? Phone, string Tier);
