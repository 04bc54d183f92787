using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts.Industry;

/// <summary>An organizer's invitation to a model: when to be there (call time) and a note.</summary>
public sealed record CastingRequest(DateTimeOffset? CallTime, string? Note) : IValidatable
{
    public Validation Validate() => new Validation()
        .Require(CallTime is null || CallTime.Value.Year is >= 2000 and <= 2100, "callTime", "callTime must be a date between 2000 and 2100.")
        .Text(Note, "note", FieldRules.MaxNote, required: false);
}
