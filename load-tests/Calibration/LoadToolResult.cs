using System.Globalization;
using System.Text.RegularExpressions;

namespace Fashionistas.LoadTests.Calibration;

/// <summary>
/// One closed-loop run of a load tool (wrk, parsed from its <c>--latency</c> report, or our generator): requests
/// completed, over how long, how many were not 2xx/3xx, socket errors and latency percentiles (milliseconds; NaN when
/// wrk did not print them).
/// </summary>
public sealed partial record LoadToolResult(long Requests, double Seconds, long NonSuccess, long SocketErrors, double P50Ms, double P99Ms)
{
    /// <summary>Arrivals our open-loop generator did not start because too many were in flight (wrk: always 0).</summary>
    public long Dropped { get; init; }

    /// <summary>CPU time the tool itself used (wrk: its process; ours: the generator's process over the round).</summary>
    public TimeSpan Cpu { get; init; }

    /// <summary>The tool's CPU time per request it sent, in µs (0 when not measured).</summary>
    public double CpuPerRequestUs => Requests > 0 ? Cpu.TotalMicroseconds / Requests : 0;

    /// <summary>Answers with a 2xx/3xx status per second: the figure to compare with our generator's.</summary>
    public double SuccessPerSecond => Seconds <= 0 ? 0 : (Requests - NonSuccess) / Seconds;

    /// <summary>Parses wrk's report; throws <see cref="FormatException"/> when its summary line is missing.</summary>
    public static LoadToolResult ParseWrk(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var summary = SummaryLine().Match(output);
        if (!summary.Success)
        {
            throw new FormatException($"wrk printed no \"N requests in T\" line:\n{output}");
        }

        var requests = long.Parse(summary.Groups["requests"].Value, CultureInfo.InvariantCulture);
        var seconds = DurationMs(summary.Groups["time"].Value, summary.Groups["unit"].Value) / 1000;
        var nonSuccess = NonSuccessLine().Match(output) is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socketErrors = SocketErrorsLine().Match(output) is { Success: true } s
            ? s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        return new LoadToolResult(requests, seconds, nonSuccess, socketErrors, Percentile(output, "50"), Percentile(output, "99"));
    }

    private static double Percentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s*{percent}(?:\.0+)?%\s+(?<value>[\d.]+)(?<unit>us|ms|s|m)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
        return match.Success ? DurationMs(match.Groups["value"].Value, match.Groups["unit"].Value) : double.NaN;
    }

    /// <summary>wrk's durations: "412.00us", "37.12ms", "1.02s", "1.50m".</summary>
    private static double DurationMs(string value, string unit)
    {
        var number = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        return unit switch
        {
            "us" => number / 1000,
            "ms" => number,
            "s" => number * 1000,
            "m" => number * 60_000,
            "h" => number * 3_600_000,
            _ => throw new FormatException($"Unknown wrk time unit '{unit}'."),
        };
    }

    [GeneratedRegex(@"(?<requests>\d+) requests in (?<time>[\d.]+)(?<unit>us|ms|s|m|h),", RegexOptions.CultureInvariant)]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex NonSuccessLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex SocketErrorsLine();
}
