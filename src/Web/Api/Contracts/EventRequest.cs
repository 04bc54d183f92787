using Fashionistas.Grains.Domain;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts;

/// <summary>Details of an event to create or edit; capacity is the venue's.</summary>
public sealed record EventRequest(string? Name, string? Venue, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, int? Capacity, string? Description)
    : IValidatable
{
    public Validation Validate() => new Validation()
        .Text(Name, "name", DefinitionLimits.MaxNameLength)
        .Text(Venue, "venue", DefinitionLimits.MaxNameLength)
        .Text(Description, "description", DefinitionLimits.MaxDescriptionLength, required: false)
        .Require(StartsAt is not null, "startsAt", "startsAt is required.")
        .Require(EndsAt is not null, "endsAt", "endsAt is required.")
        .Require(StartsAt is null || EndsAt is null || EndsAt > StartsAt, "endsAt", "endsAt must be after startsAt.")
        .Require(Capacity is >= 1 and <= DefinitionLimits.MaxCapacity, "capacity", $"capacity must be between 1 and {DefinitionLimits.MaxCapacity}.");
}
