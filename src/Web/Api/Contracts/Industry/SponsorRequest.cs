using Fashionistas.Silo.Industry;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts.Industry;

/// <summary>A sponsor organization and its contact; <see cref="Tier"/>: title, gold, silver or partner.</summary>
public sealed record SponsorRequest(string? Name, string? ContactName, string? ContactEmail, string? Phone, string? Tier) : IValidatable
{
    public Validation Validate() => new Validation()
        .Text(Name, "name", FieldRules.MaxName)
        .Text(ContactName, "contactName", FieldRules.MaxName, required: false)
        .Email(ContactEmail.OrNull(), "contactEmail")
        .Phone(Phone.OrNull(), "phone")
        .Tier(Tier, "tier");

    public SponsorFields ToFields() => new(Name!.Trim(), ContactName.OrNull(), ContactEmail.OrNull(), Phone.OrNull(), Tier!);
}
