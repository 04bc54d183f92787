namespace Fashionistas.Grains.Codes;

/// <summary>
/// A live use of a code: its hold is about to be placed, active, or sold. Until <see cref="Settled"/> (its hold was
/// sold) the grain looks at its hold once <see cref="CheckAt"/> passes, in case the hold never came or its end was
/// not reported. A <see cref="LateSale"/> use was counted for a payment after its hold ended: a report that the hold
/// ended is old news for it, and only its check (sold: kept; still ended: given back) decides.
/// </summary>
public sealed record CodeUse(Guid Id, Guid BuyerId, DateTimeOffset CheckAt, bool Settled = false, bool LateSale = false);
