using Fashionistas.Silo.Waitlist;

namespace Fashionistas.Tests.Waitlist;

public sealed class WaitlistRulesTests
{
    [Theory]
    [InlineData(2, 0, 0, 2)]
    [InlineData(2, 0, 2, 0)]
    [InlineData(2, 0, 5, 0)]
    [InlineData(0, 50, 0, 0)]
    [InlineData(2, 20, 0, 3)]
    [InlineData(10, 20, 4, 8)]
    [InlineData(1_000, 0, 0, 500)]
    public void WaitersToldAreTheSeatsPlusOverbookingLessThoseStillExpectedToBuy(int available, int percent, int outstanding, int expected) =>
        Assert.Equal(expected, WaitlistRules.WaitersToNotify(available, percent, outstanding, maxPerRound: 500));
}
