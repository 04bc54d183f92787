using Fashionistas.Grains.Contracts;

namespace Fashionistas.Grains.Domain;

/// <summary>Whether a code may be used now, checked in this order: enabled, within its dates, uses left, buyer's uses left.</summary>
public static class CodeRules
{
    public static RuleCheck CanUse(PromoCodeDefinition code, DateTimeOffset now, int uses, int buyerUses)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.DisabledAt is not null)
        {
            return RuleCheck.Refused("This code has been disabled.");
        }

        if (code.ValidFrom is { } from && now < from)
        {
            return RuleCheck.Refused($"This code works from {from:O}.");
        }

        if (code.ValidUntil is { } until && now >= until)
        {
            return RuleCheck.Refused($"This code expired at {until:O}.");
        }

        return HasUsesLeft(code, uses, buyerUses);
    }

    /// <summary>Whether the code may count one more use: overall, then for the buyer (a late payment asks only this).</summary>
    public static RuleCheck HasUsesLeft(PromoCodeDefinition code, int uses, int buyerUses)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.MaxUses is { } max && uses >= max)
        {
            return RuleCheck.Refused("This code has been used up.");
        }

        if (code.MaxUsesPerBuyer is { } perBuyer && buyerUses >= perBuyer)
        {
            return RuleCheck.Refused($"Each buyer may use this code {perBuyer} times.");
        }

        return RuleCheck.Ok;
    }
}
