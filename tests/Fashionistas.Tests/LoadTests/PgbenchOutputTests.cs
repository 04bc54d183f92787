using Fashionistas.LoadTests.Anchor;

namespace Fashionistas.Tests.LoadTests;

public sealed class PgbenchOutputTests
{
    [Fact]
    public void TpsTransactionsAndLatencyAreReadFromPgbenchsReport()
    {
        const string output = """
            transaction type: /tmp/fashionistas-pgbench-x/hot-row.sql
            scaling factor: 1
            query mode: prepared
            number of clients: 64
            number of threads: 2
            maximum number of tries: 1
            duration: 5 s
            number of transactions actually processed: 2507
            number of failed transactions: 0 (0.000%)
            latency average = 127.771 ms
            initial connection time = 164.187 ms
            tps = 500.895374 (without initial connection time)
            """;

        var result = PgbenchRunner.Parse(64, 5, output);

        Assert.Null(result.Error);
        Assert.Equal(2507, result.Transactions);
        Assert.Equal(500.895374, result.TransactionsPerSecond, 6);
        Assert.Equal(127.771, result.LatencyAverageMs, 3);
    }

    [Fact]
    public void OutputWithoutTpsIsReportedAsAnErrorNotAsZeroTransactions()
    {
        var result = PgbenchRunner.Parse(64, 5, "pgbench: error: connection to server failed: FATAL:  sorry, too many clients already");

        Assert.NotNull(result.Error);
        Assert.Contains("too many clients", result.Error, StringComparison.Ordinal);
    }
}
