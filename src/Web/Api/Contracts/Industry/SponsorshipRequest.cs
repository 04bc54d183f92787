using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts.Industry;

/// <summary>A sponsor's support of an event: tier and contribution in integer COP.</summary>
public sealed record SponsorshipRequest(string? Tier, long? Contribution) : IValidatable
{
    /// <summary>A trillion pesos: far above any sponsorship, far below overflow.</summary>
    public const long MaxContribution = 1_000_000_000_000;

    public Validation Validate() => new Validation()
        .Tier(Tier, "tier")
        .Require(Contribution is null or (>= 0 and <= MaxContribution), "contribution", $"contribution must be between 0 and {MaxContribution} COP.");
}
