namespace Fashionistas.Grains.Codes;

/// <summary>
/// A live use of a code: its hold is about to be placed, active, or sold. Until <see cref="Settled"/> (its hold was
/// sold) the grain looks at its hold once <see cref="CheckAt"/> passes, in case the hold never came or its end was
/// not reported.
/// </summary>
public sealed record CodeUse(Guid Id, Guid BuyerId, DateTimeOffset CheckAt, bool Settled = false);
