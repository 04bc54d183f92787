using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;

namespace Fashionistas.Tests.Domain;

/// <summary>The one price rule with a code: early bird, then group, then the code, each on the unit price.</summary>
public sealed class CodePricingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly TicketTypeDefinition Platea = new("Platea", "", Price: 250_000, Capacity: 100, PerBuyerLimit: 10,
        EarlyBirdPrice: 199_900, EarlyBirdDeadline: Now.AddDays(1), GroupDiscountThreshold: 4, GroupDiscountPercentage: 10);

    [Fact]
    public void APercentCodeComesAfterEarlyBirdAndGroupAndRoundsHalfUp() =>
        Assert.Equal(new PriceQuote(152_924, 611_696, EarlyBird: true, GroupDiscount: true, CodeDiscount: true),
            Pricing.Quote(Platea, 4, Now, new CodeDiscount(15, null)));

    [Fact]
    public void AFixedCodeTakesItsAmountOffEachSeat() =>
        Assert.Equal(159_910 * 4, Pricing.Quote(Platea, 4, Now, new CodeDiscount(null, 20_000)).Total);

    [Fact]
    public void AFixedCodeNeverMakesASeatCostLessThanNothing() =>
        Assert.Equal(0, Pricing.Quote(Platea, 1, Now, new CodeDiscount(null, 1_000_000)).Total);

    [Fact]
    public void AnAccessCodeWithoutDiscountChangesNoPrice() =>
        Assert.Equal(Pricing.Quote(Platea, 2, Now), Pricing.Quote(Platea, 2, Now, new CodeDiscount(null, null)));

    [Fact]
    public void AfterTheEarlyBirdTheCodeAppliesToTheListPrice() =>
        Assert.Equal(212_500, Pricing.Quote(Platea, 1, Now.AddDays(2), new CodeDiscount(15, null)).UnitPrice);
}
