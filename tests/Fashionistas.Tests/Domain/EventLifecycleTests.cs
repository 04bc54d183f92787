using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;

namespace Fashionistas.Tests.Domain;

public sealed class EventLifecycleTests
{
    public static TheoryData<EventStatus, EventStatus> AllowedSteps => new()
    {
        { EventStatus.Draft, EventStatus.Review },
        { EventStatus.Review, EventStatus.Revision },
        { EventStatus.Review, EventStatus.Published },
        { EventStatus.Revision, EventStatus.Review },
        { EventStatus.Published, EventStatus.OnSale },
        { EventStatus.OnSale, EventStatus.SoldOut },
        { EventStatus.OnSale, EventStatus.InProgress },
        { EventStatus.SoldOut, EventStatus.OnSale },
        { EventStatus.SoldOut, EventStatus.InProgress },
        { EventStatus.InProgress, EventStatus.Completed },
    };

    [Theory]
    [MemberData(nameof(AllowedSteps))]
    public void TheLifecycleAllowsItsSteps(EventStatus from, EventStatus to)
    {
        var check = EventLifecycle.CanTransition(from, to);

        Assert.True(check.Allowed, check.Reason);
        Assert.Null(check.Reason);
    }

    [Fact]
    public void EveryOtherStepBetweenDifferentStatusesIsRefusedWithAReason()
    {
        var allowed = AllowedSteps.Select(row => ((EventStatus)row[0], (EventStatus)row[1])).ToHashSet();
        foreach (var from in Enum.GetValues<EventStatus>())
        {
            foreach (var to in Enum.GetValues<EventStatus>())
            {
                var cancelling = to == EventStatus.Cancelled && from is not (EventStatus.Completed or EventStatus.Cancelled);
                if (from == to || allowed.Contains((from, to)) || cancelling)
                {
                    continue;
                }

                var check = EventLifecycle.CanTransition(from, to);
                Assert.False(check.Allowed, $"{from} -> {to}");
                Assert.False(string.IsNullOrWhiteSpace(check.Reason));
            }
        }
    }

    [Theory]
    [InlineData(EventStatus.Draft)]
    [InlineData(EventStatus.Review)]
    [InlineData(EventStatus.Revision)]
    [InlineData(EventStatus.Published)]
    [InlineData(EventStatus.OnSale)]
    [InlineData(EventStatus.SoldOut)]
    [InlineData(EventStatus.InProgress)]
    public void AnyEventNotFinishedCanBeCancelled(EventStatus from) =>
        Assert.True(EventLifecycle.CanTransition(from, EventStatus.Cancelled).Allowed);

    [Theory]
    [InlineData(EventStatus.Completed)]
    [InlineData(EventStatus.Cancelled)]
    public void FinishedEventsNeverChangeAgain(EventStatus from)
    {
        Assert.Empty(EventLifecycle.AllowedTargets(from));
        Assert.All(Enum.GetValues<EventStatus>(), to => Assert.False(EventLifecycle.CanTransition(from, to).Allowed));
    }

    [Fact]
    public void MovingToTheSameStatusIsRefusedAsAlreadyThere()
    {
        var check = EventLifecycle.CanTransition(EventStatus.OnSale, EventStatus.OnSale);

        Assert.False(check.Allowed);
        Assert.Contains("already on_sale", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ARefusalNamesTheStepsThatAreAllowed()
    {
        var check = EventLifecycle.CanTransition(EventStatus.Draft, EventStatus.OnSale);

        Assert.Contains("draft to on_sale", check.Reason, StringComparison.Ordinal);
        Assert.Contains("review, cancelled", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyPublishingAReviewedEventNeedsAnAdmin()
    {
        foreach (var from in Enum.GetValues<EventStatus>())
        {
            foreach (var to in Enum.GetValues<EventStatus>())
            {
                Assert.Equal(from == EventStatus.Review && to == EventStatus.Published, EventLifecycle.RequiresAdmin(from, to));
            }
        }
    }

    [Fact]
    public void HoldsAreAcceptedOnlyOnSaleOrSoldOut() =>
        Assert.Equal(
            [EventStatus.OnSale, EventStatus.SoldOut],
            Enum.GetValues<EventStatus>().Where(EventLifecycle.AcceptsHolds));

    [Fact]
    public void StatusNamesAreTheOnesTheDatabaseAllows()
    {
        string[] allowedByCheck =
            ["draft", "review", "revision", "published", "on_sale", "sold_out", "in_progress", "completed", "cancelled"];

        Assert.Equal(allowedByCheck, Enum.GetValues<EventStatus>().Select(s => s.ToStorageName()));
        Assert.All(allowedByCheck, name => Assert.Equal(name, EventStatusNames.Parse(name).ToStorageName()));
        Assert.False(EventStatusNames.TryParse("OnSale", out _));
    }

    [Fact]
    public void NoStepLowersTheStageSoAStalePushCanBeRecognised()
    {
        foreach (var from in Enum.GetValues<EventStatus>())
        {
            Assert.All(
                EventLifecycle.AllowedTargets(from),
                to => Assert.True(EventLifecycle.Stage(to) >= EventLifecycle.Stage(from), $"{from} -> {to}"));
        }
    }
}
