namespace Fashionistas.Grains.Domain;

/// <summary>The outcome of <see cref="HoldRules.Evaluate"/>.</summary>
public abstract record HoldDecision
{
    private HoldDecision()
    {
    }

    public sealed record Accept : HoldDecision;

    public sealed record Invalid(string Reason) : HoldDecision;

    public sealed record NotOnSale(string Reason) : HoldDecision;

    public sealed record OverBuyerLimit(int Limit, int AlreadyHeld) : HoldDecision;

    public sealed record SoldOut(int Available) : HoldDecision;
}
