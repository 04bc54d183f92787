using Fashionistas.Silo.Industry;

namespace Fashionistas.Web.Api.Contracts.Industry;

/// <summary>A designer's public page: profile and collections.</summary>
public sealed record DesignerResponse(DesignerProfile Profile, IReadOnlyList<Collection> Collections);
