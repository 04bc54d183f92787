using Fashionistas.LoadTests.Hosting;
using Fashionistas.LoadTests.Scenarios;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.LoadTests;

/// <summary>The sustained driver, small, against the whole server: its warm-up runs first and changes nothing it measures.</summary>
public sealed class SustainedSmokeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task TheWarmUpSellsOnTicketTypesOfItsOwnAndCountsInNoFigure()
    {
        var target = new LoadTarget(api.BaseAddress, ApiFactory.AdminEmail, ApiFactory.AdminPassword, api.Database.ConnectionString);
        var options = new SustainedOptions
        {
            Rate = 40,
            Duration = TimeSpan.FromSeconds(2),
            Warmup = TimeSpan.FromSeconds(1),
            Events = 1,
            TiersPerEvent = 1,
            Checkout = true,
            Progress = false,
        };

        var report = await SustainedDriver.RunAsync(target, options, "smoke", TextWriter.Null, CancellationToken.None);

        Assert.True(report.Verification.Ran);
        Assert.All(report.Verification.Checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
        Assert.Empty(report.Errors);
        Assert.Equal(80, report.FigureValue("arrivals completed"));
        Assert.True(report.FigureValue("warm-up s") > 0);
        Assert.StartsWith("1 s at 40/s on ticket types of its own, not counted", report.Settings["warmup"], StringComparison.Ordinal);
        Assert.Contains("40 of 40 arrivals completed", report.Settings["warmup"], StringComparison.Ordinal);

        // Every hold in the database: the warm-up's 40 on its own ticket type, the measured 80 on the measured one.
        await using var holds = api.Database.DataSource.CreateCommand(
            "SELECT count(*) FILTER (WHERE e.name LIKE 'Warm-up %'), count(*) FILTER (WHERE e.name LIKE 'Sustained %') " +
            "FROM holds h JOIN ticket_types t ON t.id = h.ticket_type_id JOIN events e ON e.id = t.event_id");
        await using var reader = await holds.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((40L, 80L), (reader.GetInt64(0), reader.GetInt64(1)));
    }
}
