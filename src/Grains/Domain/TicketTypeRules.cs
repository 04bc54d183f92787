using Fashionistas.Grains.Contracts;

namespace Fashionistas.Grains.Domain;

/// <summary>Validation of a ticket type definition, and the capacity rules around it.</summary>
public static class TicketTypeRules
{
    private const int MaxPercentage = 100;

    public static RuleCheck Validate(TicketTypeDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);

        return definition switch
        {
            { Name: var n } when string.IsNullOrWhiteSpace(n) => RuleCheck.Refused("A ticket type needs a name."),
            { Name.Length: > DefinitionLimits.MaxNameLength } =>
                RuleCheck.Refused($"The name is longer than {DefinitionLimits.MaxNameLength} characters."),
            { Description: null } => RuleCheck.Refused("The description may be empty but not missing."),
            { Description.Length: > DefinitionLimits.MaxDescriptionLength } =>
                RuleCheck.Refused($"The description is longer than {DefinitionLimits.MaxDescriptionLength} characters."),
            { Price: < 0 or > DefinitionLimits.MaxPrice } =>
                RuleCheck.Refused($"The price must be between 0 and {DefinitionLimits.MaxPrice} COP."),
            { Capacity: < 0 or > DefinitionLimits.MaxCapacity } =>
                RuleCheck.Refused($"The capacity must be between 0 and {DefinitionLimits.MaxCapacity}."),
            { PerBuyerLimit: < 1 } => RuleCheck.Refused("The per-buyer limit must be at least 1."),
            { SalesStart: { } start, SalesEnd: { } end } when end <= start =>
                RuleCheck.Refused("Sales must end after they start."),
            { EarlyBirdPrice: null, EarlyBirdDeadline: not null } or { EarlyBirdPrice: not null, EarlyBirdDeadline: null } =>
                RuleCheck.Refused("An early-bird price needs a deadline, and a deadline needs a price."),
            { EarlyBirdPrice: < 0 or > DefinitionLimits.MaxPrice } =>
                RuleCheck.Refused($"The early-bird price must be between 0 and {DefinitionLimits.MaxPrice} COP."),
            { GroupDiscountThreshold: null, GroupDiscountPercentage: not null }
                or { GroupDiscountThreshold: not null, GroupDiscountPercentage: null } =>
                RuleCheck.Refused("A group discount needs both a threshold and a percentage."),
            { GroupDiscountThreshold: < 2 } => RuleCheck.Refused("A group discount starts at 2 seats or more."),
            { GroupDiscountPercentage: < 0 or > MaxPercentage } =>
                RuleCheck.Refused("The group discount percentage must be between 0 and 100."),
            _ => RuleCheck.Ok,
        };
    }

    /// <summary>
    /// The ticket types of an event may not promise more seats than the venue holds: with this, "sold + held
    /// within the event's capacity" follows from each ticket type's own guard.
    /// </summary>
    public static RuleCheck FitsEventCapacity(int eventCapacity, int otherTypesCapacity, int capacity) =>
        (long)otherTypesCapacity + capacity <= eventCapacity
            ? RuleCheck.Ok
            : RuleCheck.Refused(
                $"The ticket types would offer {(long)otherTypesCapacity + capacity} seats; the event holds {eventCapacity}.");

    /// <summary>Seats already held or sold cannot be taken away by lowering the capacity.</summary>
    public static RuleCheck CapacityCoversSeatsTaken(int capacity, int held, int sold) =>
        capacity >= (long)held + sold
            ? RuleCheck.Ok
            : RuleCheck.Refused($"The capacity cannot go below the {held + sold} seats already held or sold.");
}
