using Fashionistas.Grains.Contracts;

namespace Fashionistas.Grains.Domain;

/// <summary>
/// Prices a hold: the one rule for early bird, group discount and codes (README, "Prices: the one rule"). Integer
/// arithmetic on the unit price, in this order, each step on the result of the one before:
/// <list type="number">
/// <item>the early-bird price replaces the list price before its deadline;</item>
/// <item>a group discount takes its percentage off when the quantity reaches the threshold;</item>
/// <item>a promo code takes its percentage off, or its fixed amount off each seat (never below 0).</item>
/// </list>
/// Percentages round half up to whole pesos (10% off 99,995 = 89,995.5 → 89,996). The total is that unit price times
/// the quantity, so every seat of an order costs the same (refunds pay back unit price × tickets).
/// </summary>
public static class Pricing
{
    private const long PercentBase = 100;

    public static PriceQuote Quote(TicketTypeDefinition ticketType, int quantity, DateTimeOffset now, CodeDiscount? code = null)
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

        var discounted = code is { IsDiscount: true };
        if (discounted)
        {
            unit = code!.PercentOff is { } percent ? ApplyDiscount(unit, percent) : Math.Max(0, unit - code.AmountOff!.Value);
        }

        return new PriceQuote(unit, checked(unit * quantity), earlyBird, group, discounted);
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
