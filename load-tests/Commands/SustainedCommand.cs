using Fashionistas.LoadTests.Cli;
using Fashionistas.LoadTests.Reporting;
using Fashionistas.LoadTests.Scenarios;

namespace Fashionistas.LoadTests.Commands;

/// <summary><c>sustained</c>: a steady open-loop arrival rate over many events and tiers.</summary>
internal static class SustainedCommand
{
    private static readonly TimeSpan DefaultWarmup = TimeSpan.FromSeconds(10);

    public const string Usage =
        "sustained [--rate 100/s] [--duration 1m] [--events 5] [--tiers 3] [--max-in-flight 5000] [--no-checkout] [--seed 6] [--fast-setup]\n" +
        "          [--warmup 10s (own server; 0s with --target)]\n" +
        "          [--connections 256] [--calibrate-seconds 3] " + Anchor.AnchorOptions.Usage + "\n";

    public static async Task<int> RunAsync(string[] args, TextWriter log, CancellationToken cancellationToken)
    {
        var cli = new CommandLine(args);
        var targetOptions = new TargetOptions(cli);
        var options = new SustainedOptions
        {
            Rate = cli.Rate("rate", 100, 100_000),
            Duration = cli.Duration("duration", TimeSpan.FromMinutes(1), TimeSpan.FromHours(1)),
            Events = cli.Int("events", 5, 1, 1000),
            TiersPerEvent = cli.Int("tiers", 3, 1, 20),
            MaxInFlight = cli.Int("max-in-flight", 5000, 1, 100_000),
            Checkout = cli.Flag("checkout", true),
            Seed = cli.Int("seed", 6, int.MinValue, int.MaxValue),
            SetupParallelism = cli.Int("setup-parallelism", 8, 1, 256),
            FastSetup = cli.Flag("fast-setup", false),
            Connections = cli.Int("connections", Client.LoadHttp.DefaultConnections, 1, 100_000),
            // A server started for the run is cold; one given with --target may have sold for hours.
            Warmup = cli.Duration("warmup", targetOptions.StartsOwnServer ? DefaultWarmup : TimeSpan.Zero, TimeSpan.FromMinutes(10), zeroAllowed: true),
        };
        var extras = ReportExtras.Parse(cli);
        cli.ThrowOnUnknown();

        var report = await targetOptions.DriveAsync(
            async target => await extras.AddToAsync(
                await SustainedDriver.RunAsync(target, options, "sustained " + string.Join(' ', args), log, cancellationToken), target, log, cancellationToken), log, cancellationToken);
        return await FlashSaleCommand.Finish(report, targetOptions.ResultsRoot, log, cancellationToken);
    }
}
