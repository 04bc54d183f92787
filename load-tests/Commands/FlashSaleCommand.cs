using System.Globalization;
using Fashionistas.LoadTests.Cli;
using Fashionistas.LoadTests.Reporting;
using Fashionistas.LoadTests.Scenarios;

namespace Fashionistas.LoadTests.Commands;

/// <summary><c>flash-sale</c>: N buyers at once on one ticket type, watchers on the hub, verified, with the row-lock baseline.</summary>
internal static class FlashSaleCommand
{
    public const string Usage =
        "flash-sale [--users 1000] [--seats 5000] [--watchers 500] [--seed 6] [--duration-limit 5m]\n" +
        "           [--no-checkout] [--no-with-baseline] [--baseline-pool 40] [--setup-parallelism 8] [--fast-setup]\n" +
        "           [--warmup-rounds 0] [--warmup-buyers 200] [--connections 0 (one per buyer)]\n" +
        "           [--calibrate-seconds 3] " + Anchor.AnchorOptions.Usage + "\n";

    public static async Task<int> RunAsync(string[] args, TextWriter log, CancellationToken cancellationToken)
    {
        var cli = new CommandLine(args);
        var targetOptions = new TargetOptions(cli);
        var options = new FlashSaleOptions
        {
            Users = cli.Int("users", 1000, 1, 100_000),
            Seats = cli.Int("seats", 5000, 1, 1_000_000),
            Watchers = cli.Int("watchers", 500, 0, 10_000),
            Seed = cli.Int("seed", 6, int.MinValue, int.MaxValue),
            DurationLimit = cli.Duration("duration-limit", TimeSpan.FromMinutes(5), TimeSpan.FromHours(2)),
            Checkout = cli.Flag("checkout", true),
            // Off by default with --nodes: two servers' connection pools leave the embedded PostgreSQL (100 connections)
            // too few for the baseline's pool, whose holds would fail with "too many clients".
            WithBaseline = cli.Flag("with-baseline", targetOptions.Nodes == 1),
            BaselinePoolSize = cli.Int("baseline-pool", 40, 1, 500),
            SetupParallelism = cli.Int("setup-parallelism", 8, 1, 256),
            FastSetup = cli.Flag("fast-setup", false),
            WarmupRounds = cli.Int("warmup-rounds", 0, 0, 100),
            WarmupBuyers = cli.Int("warmup-buyers", 200, 1, 100_000),
            Connections = cli.Int("connections", 0, 0, 100_000),
        };
        var extras = ReportExtras.Parse(cli);
        cli.ThrowOnUnknown();

        var report = await targetOptions.DriveAsync(
            async target => await extras.AddToAsync(
                await FlashSaleDriver.RunAsync(target, options, "flash-sale " + string.Join(' ', args), log, cancellationToken), target, log, cancellationToken), log, cancellationToken);
        return await Finish(report, targetOptions.ResultsRoot, log, cancellationToken);
    }

    /// <summary>Writes the report, prints where and the headline, and turns a failed run (see <see cref="Headline"/>) into exit code 1.</summary>
    public static async Task<int> Finish(LoadReport report, string resultsRoot, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(log);
        var folder = await ReportWriter.WriteAsync(report, resultsRoot, cancellationToken);
        await log.WriteLineAsync();
        await log.WriteLineAsync($"  load average at start: {report.Machine.LoadAverage} ({report.Machine.Cores} cores)");
        foreach (var figure in report.Figures)
        {
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {figure.Name,-22} {figure.Display(),14}"));
        }

        foreach (var (step, s) in report.Steps.Where(s => s.Value.Count > 0))
        {
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {step,-22} p50 {s.P50,8:F1} ms  p95 {s.P95,8:F1} ms  p99 {s.P99,8:F1} ms  max {s.Max,8:F1} ms  ({s.Count})"));
        }

        foreach (var goal in report.Goals)
        {
            await log.WriteLineAsync($"  goal: {goal.Goal}: {goal.Measured} (target {goal.Target}) {(goal.Met ? "met" : "NOT met")}");
        }

        foreach (var comparison in report.GeneratorVsWrk)
        {
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  generator vs wrk, {comparison.Route}: {comparison.OursPerSecond:N0} vs {comparison.WrkPerSecond:N0} ok/s = {comparison.Ratio:F2}"));
        }

        if (report.Cpu is { } cpu)
        {
            await log.WriteLineAsync($"  CPU: {cpu.Describe()}");
        }

        foreach (var note in report.Notes)
        {
            await log.WriteLineAsync($"  note: {note}");
        }

        foreach (var check in report.Verification.Checks.Concat(report.Baseline?.Verification.Checks ?? []).Where(c => !c.Passed))
        {
            await log.WriteLineAsync($"  VIOLATION: {check.Name}: {check.Detail}");
        }

        await log.WriteLineAsync($"Report: {folder}/report.md (also report.json, chart.html)");
        await log.WriteLineAsync($"{report.Scenario}: {report.Headline}");
        return report.Failed ? 1 : 0;
    }
}
