using Fashionistas.Silo.Industry;

namespace Fashionistas.Web.Api.Contracts.Industry;

/// <summary>A sponsor with its sponsorships.</summary>
public sealed record SponsorResponse(Sponsor Sponsor, IReadOnlyList<Sponsorship> Sponsorships);
