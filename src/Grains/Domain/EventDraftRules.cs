using Fashionistas.Grains.Contracts;

namespace Fashionistas.Grains.Domain;

/// <summary>Validation of an event's editable details.</summary>
public static class EventDraftRules
{
    public static RuleCheck Validate(EventDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);

        return draft switch
        {
            { Name: var n } when string.IsNullOrWhiteSpace(n) => RuleCheck.Refused("An event needs a name."),
            { Name.Length: > DefinitionLimits.MaxNameLength } =>
                RuleCheck.Refused($"The name is longer than {DefinitionLimits.MaxNameLength} characters."),
            { Description: null } => RuleCheck.Refused("The description may be empty but not missing."),
            { Description.Length: > DefinitionLimits.MaxDescriptionLength } =>
                RuleCheck.Refused($"The description is longer than {DefinitionLimits.MaxDescriptionLength} characters."),
            { Venue: var v } when string.IsNullOrWhiteSpace(v) => RuleCheck.Refused("An event needs a venue."),
            { Venue.Length: > DefinitionLimits.MaxNameLength } =>
                RuleCheck.Refused($"The venue is longer than {DefinitionLimits.MaxNameLength} characters."),
            { StartsAt: var s, EndsAt: var e } when e <= s => RuleCheck.Refused("The event must end after it starts."),
            { Capacity: < 1 or > DefinitionLimits.MaxCapacity } =>
                RuleCheck.Refused($"The capacity must be between 1 and {DefinitionLimits.MaxCapacity}."),
            _ => RuleCheck.Ok,
        };
    }
}
