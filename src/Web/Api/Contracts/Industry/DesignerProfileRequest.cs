using Fashionistas.Silo.Industry;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts.Industry;

/// <summary>A designer's profile as they write it.</summary>
public sealed record DesignerProfileRequest(string? BrandName, string? Bio, string? City, string? Instagram, string? Website) : IValidatable
{
    public Validation Validate() => new Validation()
        .Text(BrandName, "brandName", FieldRules.MaxName)
        .Text(Bio, "bio", FieldRules.MaxBio, required: false)
        .Text(City, "city", FieldRules.MaxCity, required: false)
        .Instagram(Instagram.OrNull(), "instagram")
        .Link(Website.OrNull(), "website");

    public DesignerFields ToFields() =>
        new(BrandName!.Trim(), Bio?.Trim() ?? string.Empty, City.OrNull(), Instagram.OrNull()?.TrimStart('@'), Website.OrNull());
}
