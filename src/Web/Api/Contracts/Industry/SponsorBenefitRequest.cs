using Fashionistas.Silo.Industry;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts.Industry;

/// <summary>A benefit of a sponsorship package: a logo placement or an activation, described.</summary>
public sealed record SponsorBenefitRequest(string? Kind, string? Description) : IValidatable
{
    public Validation Validate() => new Validation()
        .Require(Kind is not null && SponsorBenefitKinds.All.Contains(Kind), "kind", $"kind must be one of {string.Join(", ", SponsorBenefitKinds.All)}.")
        .Text(Description, "description", FieldRules.MaxNote);
}
