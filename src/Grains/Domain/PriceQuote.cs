namespace Fashionistas.Grains.Domain;

/// <summary>The price of a number of seats, in whole COP, and which discounts made it.</summary>
public sealed record PriceQuote(long UnitPrice, long Total, bool EarlyBird, bool GroupDiscount, bool CodeDiscount = false);
