using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;

namespace Fashionistas.Tests.Domain;

public sealed class PricingTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly TicketTypeDefinition General = new("General", "", Price: 100_000, Capacity: 500, PerBuyerLimit: 10);

    [Fact]
    public void WithoutOffersTheListPriceIsChargedPerSeat()
    {
        var quote = Pricing.Quote(General, 3, Now);

        Assert.Equal(new PriceQuote(100_000, 300_000, EarlyBird: false, GroupDiscount: false), quote);
    }

    [Fact]
    public void TheEarlyBirdPriceAppliesBeforeItsDeadline()
    {
        var type = General with { EarlyBirdPrice = 80_000, EarlyBirdDeadline = Now.AddTicks(1) };

        var quote = Pricing.Quote(type, 2, Now);

        Assert.Equal(new PriceQuote(80_000, 160_000, EarlyBird: true, GroupDiscount: false), quote);
    }

    [Fact]
    public void TheEarlyBirdPriceEndsAtItsDeadline()
    {
        var type = General with { EarlyBirdPrice = 80_000, EarlyBirdDeadline = Now };

        Assert.Equal(100_000, Pricing.Quote(type, 1, Now).UnitPrice);
    }

    [Fact]
    public void TheGroupDiscountStartsAtItsThreshold()
    {
        var type = General with { GroupDiscountThreshold = 4, GroupDiscountPercentage = 10 };

        Assert.Equal(new PriceQuote(100_000, 300_000, false, false), Pricing.Quote(type, 3, Now));
        Assert.Equal(new PriceQuote(90_000, 360_000, false, true), Pricing.Quote(type, 4, Now));
    }

    [Fact]
    public void TheDiscountedUnitPriceIsRoundedHalfUpToWholePesos()
    {
        // 10% off 99,995 is 89,995.5: half a peso rounds up.
        var type = General with { Price = 99_995, GroupDiscountThreshold = 2, GroupDiscountPercentage = 10 };

        var quote = Pricing.Quote(type, 3, Now);

        Assert.Equal(89_996, quote.UnitPrice);
        Assert.Equal(3 * 89_996, quote.Total);
    }

    [Theory]
    [InlineData(99_994, 15, 84_995)] // 84,994.9 rounds up
    [InlineData(99_997, 15, 84_997)] // 84,997.45 rounds down
    [InlineData(1, 50, 1)] // 0.5 rounds up
    [InlineData(100_000, 0, 100_000)]
    [InlineData(100_000, 100, 0)]
    public void DiscountsRoundHalfUp(long price, int percentage, long expected) =>
        Assert.Equal(expected, Pricing.ApplyDiscount(price, percentage));

    [Fact]
    public void TheGroupDiscountAppliesToTheEarlyBirdPrice()
    {
        var type = General with
        {
            EarlyBirdPrice = 80_000,
            EarlyBirdDeadline = Now.AddDays(1),
            GroupDiscountThreshold = 2,
            GroupDiscountPercentage = 25,
        };

        Assert.Equal(new PriceQuote(60_000, 120_000, true, true), Pricing.Quote(type, 2, Now));
    }

    [Fact]
    public void AQuoteNeedsAtLeastOneSeat() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Pricing.Quote(General, 0, Now));
}
