namespace Fashionistas.Grains.Domain;

/// <summary>The price of a number of seats, in whole COP.</summary>
public sealed record PriceQuote(long UnitPrice, long Total, bool EarlyBird, bool GroupDiscount);
