using Fashionistas.LoadTests.Calibration;

namespace Fashionistas.Tests.LoadTests;

/// <summary>calibrate reads wrk's own report; these are wrk 4.1's words, as Debian's package prints them.</summary>
public sealed class WrkOutputTests
{
    private const string HoldRun = """
        Running 8s test @ http://127.0.0.1:43097/
          2 threads and 256 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency    41.37ms   19.12ms 312.45ms   83.10%
            Req/Sec     3.10k   412.77     4.02k    71.25%
          Latency Distribution
             50%   37.02ms
             75%   46.88ms
             90%   61.30ms
             99%   86.41ms
          49312 requests in 8.00s, 12.70MB read
          Non-2xx or 3xx responses: 312
          Socket errors: connect 0, read 2, write 0, timeout 5
        Requests/sec:   6164.00
        Transfer/sec:      1.59MB
        """;

    [Fact]
    public void RequestsTimeFailuresAndPercentilesAreReadFromWrksReport()
    {
        var result = LoadToolResult.ParseWrk(HoldRun);

        Assert.Equal(49312, result.Requests);
        Assert.Equal(8.0, result.Seconds, 3);
        Assert.Equal(312, result.NonSuccess);
        Assert.Equal(7, result.SocketErrors);
        Assert.Equal(37.02, result.P50Ms, 3);
        Assert.Equal(86.41, result.P99Ms, 3);
        Assert.Equal((49312 - 312) / 8.0, result.SuccessPerSecond, 3);
    }

    [Fact]
    public void MicrosecondsSecondsAndMinutesAreConvertedToMilliseconds()
    {
        const string output = """
              Latency Distribution
                 50%  412.00us
                 75%  800.00us
                 90%    1.20s
                 99%    1.50m
              253521 requests in 1.00m, 33.36MB read
            Requests/sec:   4225.35
            """;

        var result = LoadToolResult.ParseWrk(output);

        Assert.Equal(60.0, result.Seconds, 3);
        Assert.Equal(0.412, result.P50Ms, 6);
        Assert.Equal(90_000, result.P99Ms, 3);
        Assert.Equal(0, result.NonSuccess);
        Assert.Equal(0, result.SocketErrors);
    }

    [Fact]
    public void ARunWithoutTheLatencyDistributionHasNoPercentilesButItsThroughput()
    {
        var result = LoadToolResult.ParseWrk("  1000 requests in 2.00s, 100.00KB read\nRequests/sec:    500.00\n");

        Assert.Equal(500, result.SuccessPerSecond, 3);
        Assert.True(double.IsNaN(result.P99Ms));
    }

    [Fact]
    public void OutputWithoutTheSummaryLineIsRefusedInsteadOfReadAsZero()
    {
        Assert.Throws<FormatException>(() => LoadToolResult.ParseWrk("unable to connect to 127.0.0.1:9 Connection refused"));
    }
}
