using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;

namespace Fashionistas.Tests.Domain;

public sealed class HoldRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly HoldCandidate Candidate = new(
        EventStatus.OnSale, SalesStart: null, SalesEnd: null, Quantity: 2, PerBuyerLimit: 4, BuyerSeats: 0, Available: 10);

    [Fact]
    public void AHoldWithinLimitsAndAvailabilityIsAccepted() =>
        Assert.IsType<HoldDecision.Accept>(HoldRules.Evaluate(Candidate, Now));

    [Fact]
    public void HoldsAreAcceptedWhileTheEventIsSoldOutToo() =>
        Assert.IsType<HoldDecision.Accept>(HoldRules.Evaluate(Candidate with { EventStatus = EventStatus.SoldOut }, Now));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void AQuantityBelowOneIsInvalid(int quantity) =>
        Assert.IsType<HoldDecision.Invalid>(HoldRules.Evaluate(Candidate with { Quantity = quantity }, Now));

    [Theory]
    [InlineData(EventStatus.Draft)]
    [InlineData(EventStatus.Published)]
    [InlineData(EventStatus.InProgress)]
    [InlineData(EventStatus.Cancelled)]
    public void EventsNotOnSaleRefuseHolds(EventStatus status)
    {
        var decision = HoldRules.Evaluate(Candidate with { EventStatus = status }, Now);

        var notOnSale = Assert.IsType<HoldDecision.NotOnSale>(decision);
        Assert.Contains(status.ToStorageName(), notOnSale.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AClosedSalesWindowRefusesHolds()
    {
        Assert.IsType<HoldDecision.NotOnSale>(HoldRules.Evaluate(Candidate with { SalesStart = Now.AddMinutes(1) }, Now));
        Assert.IsType<HoldDecision.NotOnSale>(HoldRules.Evaluate(Candidate with { SalesEnd = Now }, Now));
    }

    [Fact]
    public void TheBuyerLimitCountsSeatsAlreadyHeldOrBought()
    {
        Assert.IsType<HoldDecision.Accept>(HoldRules.Evaluate(Candidate with { BuyerSeats = 2 }, Now));

        var decision = HoldRules.Evaluate(Candidate with { BuyerSeats = 3 }, Now);

        Assert.Equal(new HoldDecision.OverBuyerLimit(4, 3), decision);
    }

    [Fact]
    public void AQuantityAboveTheBuyerLimitIsOverTheLimit() =>
        Assert.Equal(new HoldDecision.OverBuyerLimit(4, 0), HoldRules.Evaluate(Candidate with { Quantity = 5 }, Now));

    [Fact]
    public void AHugeQuantityDoesNotOverflowTheLimitCheck() =>
        Assert.IsType<HoldDecision.OverBuyerLimit>(
            HoldRules.Evaluate(Candidate with { Quantity = int.MaxValue, BuyerSeats = 2 }, Now));

    [Fact]
    public void MoreSeatsThanAvailableIsSoldOutWithWhatIsLeft()
    {
        Assert.Equal(new HoldDecision.SoldOut(1), HoldRules.Evaluate(Candidate with { Available = 1 }, Now));
        Assert.IsType<HoldDecision.Accept>(HoldRules.Evaluate(Candidate with { Available = 2 }, Now));
    }
}
