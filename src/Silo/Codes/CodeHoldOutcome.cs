using Fashionistas.Grains.Contracts;

namespace Fashionistas.Silo.Codes;

/// <summary>A hold placed with a code: the ticket type's answer, or the code's refusal before any seat was asked for.</summary>
public abstract record CodeHoldOutcome
{
    private CodeHoldOutcome()
    {
    }

    /// <summary>The ticket type answered (only <see cref="HoldResult.Accepted"/> keeps the code's use).</summary>
    public sealed record Answered(HoldResult Result) : CodeHoldOutcome;

    /// <summary>The code may not be used for this (disabled, dates, used up, buyer's limit, another tier).</summary>
    public sealed record CodeRefused(string Reason) : CodeHoldOutcome;

    /// <summary>No such code on the tier's event (or no such tier).</summary>
    public sealed record CodeNotFound : CodeHoldOutcome;
}
