using Fashionistas.LoadTests.Hosting;
using Fashionistas.LoadTests.Scenarios;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.LoadTests;

/// <summary>The flash-sale driver, small, against the whole server: correctness only, never speed.</summary>
public sealed class FlashSaleSmokeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ASmallFlashSaleSellsExactlyWhatItShouldAndPassesVerification()
    {
        var target = new LoadTarget(api.BaseAddress, ApiFactory.AdminEmail, ApiFactory.AdminPassword, api.Database.ConnectionString);
        var options = new FlashSaleOptions
        {
            Users = 50,
            Seats = 60,
            Watchers = 10,
            Checkout = true,
            WithBaseline = true,
            Progress = false,
            DurationLimit = TimeSpan.FromMinutes(3),
            BaselinePoolSize = 10,
        };

        var report = await FlashSaleDriver.RunAsync(target, options, "smoke", TextWriter.Null, CancellationToken.None);

        Assert.True(report.Verification.Ran);
        Assert.All(report.Verification.Checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
        var demand = report.FigureValue("demand");
        Assert.Equal(Math.Min(demand, 60), report.FigureValue("tickets issued"));
        Assert.Contains(report.Verification.Checks, c => c.Name.Contains("min(demand, capacity)", StringComparison.Ordinal) && c.Passed);
        Assert.NotNull(report.Baseline);
        Assert.All(report.Baseline.Verification.Checks, c => Assert.True(c.Passed, $"baseline {c.Name}: {c.Detail}"));
        Assert.Empty(report.Errors);
        Assert.NotNull(report.Push);
        Assert.Equal(10, report.Push.Joined);
        Assert.True(report.Push.Pushes > 0, "The watchers received availability pushes.");
        Assert.Equal(0, report.Push.HoldsNeverSeen);
        Assert.Empty(report.Push.Problems);
        Assert.False(report.Failed);
    }
}
