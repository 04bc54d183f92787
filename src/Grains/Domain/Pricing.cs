using Fashionistas.Grains.Contracts;

namespace Fashionistas.Grains.Domain;

/// <summary>
/// Prices a hold. Integer arithmetic only: the early-bird price (before its deadline) replaces the list
/// price, then a group discount takes a percentage off the unit price, rounded half up to whole pesos
/// (e.g. 10% off 99,995 = 89,995.5 → 89,996). The total is that unit price times the quantity, so every
/// seat of an order costs the same.
/// </summary>
public static class Pricing
{
    private const long PercentBase = 100;

    public static PriceQuote Quote(TicketTypeDefinition ticketType, int quantity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticketType);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);

        var earlyBird = ticketType.EarlyBirdPrice is not null
            && ticketType.EarlyBirdDeadline is { } deadline
            && now < deadline;
        var unit = earlyBird ? ticketType.EarlyBirdPrice!.Value : ticketType.Price;

        var group = ticketType.GroupDiscountThreshold is { } threshold
            && ticketType.GroupDiscountPercentage is > 0
            && quantity >= threshold;
        if (group)
        {
            unit = ApplyDiscount(unit, ticketType.GroupDiscountPercentage!.Value);
        }

        return new PriceQuote(unit, checked(unit * quantity), earlyBird, group);
    }

    /// <summary>Takes <paramref name="percentage"/> percent off, rounding half up to a whole peso.</summary>
    public static long ApplyDiscount(long unitPrice, int percentage)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unitPrice);
        ArgumentOutOfRangeException.ThrowIfNegative(percentage);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentage, (int)PercentBase);

        // (x + 50) / 100 is half-up rounding of x / 100 for non-negative x.
        return checked((unitPrice * (PercentBase - percentage) + PercentBase / 2) / PercentBase);
    }
}
