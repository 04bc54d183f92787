using Fashionistas.Grains.Domain;
using Fashionistas.Silo.Codes;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts;

/// <summary>
/// A promo or access code for an event: <c>percentOff</c> (1-100) or <c>amountOff</c> (COP off each seat), or neither
/// (an access code); <c>ticketTypeIds</c> limits it to those tiers (and opens them when hidden); <c>opensPresale</c> lets
/// it hold before the public sale; <c>validFrom</c>/<c>validUntil</c>, <c>maxUses</c> and <c>maxUsesPerBuyer</c> are optional.
/// </summary>
public sealed record CodeRequest(
    string? Code,
    int? PercentOff,
    long? AmountOff,
    Guid[]? TicketTypeIds,
    bool? OpensPresale,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil,
    int? MaxUses,
    int? MaxUsesPerBuyer) : IValidatable
{
    public const int MaxTicketTypes = 50;
    public const int MaxUsesLimit = 1_000_000;
    public const int MaxUsesPerBuyerLimit = 1_000;

    public Validation Validate() => new Validation()
        .Require(HoldCodes.IsWellFormed(Code), "code", $"code must be {HoldCodes.MinLength} to {HoldCodes.MaxLength} letters, digits, '-' or '_'.")
        .Require(PercentOff is null or >= 1 and <= 100, "percentOff", "percentOff must be 1 to 100.")
        .Require(AmountOff is null or >= 1 and <= DefinitionLimits.MaxPrice, "amountOff", $"amountOff must be 1 to {DefinitionLimits.MaxPrice} COP.")
        .Require(PercentOff is null || AmountOff is null, "amountOff", "A code takes a percentage or an amount off, not both.")
        .Require(TicketTypeIds is null || TicketTypeIds.Length is >= 1 and <= MaxTicketTypes, "ticketTypeIds",
            $"ticketTypeIds must name 1 to {MaxTicketTypes} tiers (or be left out for every tier).")
        .Require(ValidFrom is null || ValidUntil is null || ValidUntil > ValidFrom, "validUntil", "validUntil must be after validFrom.")
        .Require(MaxUses is null or >= 1 and <= MaxUsesLimit, "maxUses", $"maxUses must be 1 to {MaxUsesLimit}.")
        .Require(MaxUsesPerBuyer is null or >= 1 and <= MaxUsesPerBuyerLimit, "maxUsesPerBuyer", $"maxUsesPerBuyer must be 1 to {MaxUsesPerBuyerLimit}.");
}
