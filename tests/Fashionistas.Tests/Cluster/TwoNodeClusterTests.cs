using Fashionistas.LoadTests.Hosting;
using Fashionistas.LoadTests.Scenarios;
using Npgsql;

namespace Fashionistas.Tests.Cluster;

/// <summary>
/// Two server processes (web + silo each) on one database forming one Orleans cluster (ADO.NET membership), as an
/// operator runs them behind a load balancer: the flash-sale driver spreads every buyer's requests over both nodes in
/// turn, its watchers listen on the second node only, and the database is checked afterwards.
/// </summary>
public sealed class TwoNodeClusterTests
{
    [Fact]
    public async Task BuyersSpreadOverTwoNodesSellOutOneTicketTypeWithoutOversellAndWatchersOnOneNodeSeeEverySale()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await using var cluster = await OwnCluster.StartAsync(2, TextWriter.Null, timeout.Token);
        Assert.Equal(2L, await ActiveSilosAsync(cluster.First.ConnectionString));
        var options = new FlashSaleOptions
        {
            Users = 60,
            Seats = 40,
            Watchers = 4,
            Checkout = true,
            WithBaseline = false,
            FastSetup = true,
            Progress = false,
            DurationLimit = TimeSpan.FromMinutes(4),
        };

        var report = await FlashSaleDriver.RunAsync(cluster.Target, options, "two-node cluster", TextWriter.Null, timeout.Token);

        Assert.True(report.Verification.Ran);
        Assert.All(report.Verification.Checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
        Assert.Equal(Math.Min(report.FigureValue("demand"), 40), report.FigureValue("tickets issued"));
        Assert.Empty(report.Errors);

        // Half of every buyer's requests went to the first node, yet the watchers on the second saw every seat taken.
        Assert.NotNull(report.Push);
        Assert.Equal(4, report.Push.Joined);
        Assert.True(report.Push.Pushes > 0, "The watchers on the second node received availability pushes.");
        Assert.Equal(0, report.Push.HoldsNeverSeen);
        Assert.Empty(report.Push.Problems);
        Assert.False(report.Failed);
    }

    private static async Task<long> ActiveSilosAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM orleans_membership WHERE status = 3");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
