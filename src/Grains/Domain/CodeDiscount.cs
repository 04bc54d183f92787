namespace Fashionistas.Grains.Domain;

/// <summary>A code's discount on each seat: a percentage or a fixed amount in COP (at most one of them).</summary>
public sealed record CodeDiscount(int? PercentOff, long? AmountOff)
{
    public bool IsDiscount => PercentOff is > 0 || AmountOff is > 0;
}
