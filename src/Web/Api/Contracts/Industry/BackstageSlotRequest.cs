using Fashionistas.Silo.Shows;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts.Industry;

/// <summary>A backstage slot: what, when, where, and for whom (no person: everyone in the show).</summary>
public sealed record BackstageSlotRequest(
    string? Kind, string? Title, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Location, Guid? PersonId) : IValidatable
{
    public Validation Validate() => new Validation()
        .Require(Kind is not null && BackstageKinds.All.Contains(Kind), "kind", $"kind must be one of {string.Join(", ", BackstageKinds.All)}.")
        .Text(Title, "title", FieldRules.MaxName)
        .Require(StartsAt is not null && StartsAt.Value.Year is >= 2000 and <= 2100, "startsAt", "startsAt must be a date between 2000 and 2100.")
        .Require(EndsAt is null || StartsAt is null || EndsAt > StartsAt, "endsAt", "endsAt must be after startsAt.")
        .Text(Location, "location", FieldRules.MaxName, required: false);

    public BackstageSlotFields ToFields() =>
        new(Kind!, Title!.Trim(), StartsAt!.Value.UtcDateTime, EndsAt?.UtcDateTime, Location.OrNull(), PersonId);
}
