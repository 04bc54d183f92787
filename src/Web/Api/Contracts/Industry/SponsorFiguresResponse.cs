using Fashionistas.Silo.Industry;

namespace Fashionistas.Web.Api.Contracts.Industry;

/// <summary>
/// A sponsor's own figures: per sponsored event, the package's benefits and placement views. Check-ins of the sponsor's
/// guests are not here: tickets carry no link to a sponsor yet.
/// </summary>
public sealed record SponsorFiguresResponse(Sponsor Sponsor, IReadOnlyList<SponsorEventFigures> Events);
