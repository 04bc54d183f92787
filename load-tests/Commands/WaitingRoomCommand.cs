using Fashionistas.LoadTests.Cli;
using Fashionistas.LoadTests.Scenarios;

namespace Fashionistas.LoadTests.Commands;

/// <summary><c>waiting-room</c>: a queue of N people around a sale's opening, admitted at the configured rate, verified.</summary>
internal static class WaitingRoomCommand
{
    public const string Usage =
        "waiting-room [--people 20000] [--join-rate 2000] [--admission-per-minute 60000] [--opens-after 5s]\n" +
        "             [--watchers 200] [--tabs-every 10] [--estimate-sample 1000] [--duration-limit 10m]\n";

    public static async Task<int> RunAsync(string[] args, TextWriter log, CancellationToken cancellationToken)
    {
        var cli = new CommandLine(args);
        var options = new WaitingRoomOptions
        {
            People = cli.Int("people", 20_000, 1, 200_000),
            JoinRate = cli.Int("join-rate", 2_000, 1, 100_000),
            AdmissionPerMinute = cli.Int("admission-per-minute", 60_000, 1, 1_000_000),
            OpensAfter = cli.Duration("opens-after", TimeSpan.FromSeconds(5), TimeSpan.FromHours(1)),
            Watchers = cli.Int("watchers", 200, 0, 10_000),
            TabsEvery = cli.Int("tabs-every", 10, 0, 1_000_000),
            EstimateSample = cli.Int("estimate-sample", 1_000, 0, 200_000),
            DurationLimit = cli.Duration("duration-limit", TimeSpan.FromMinutes(10), TimeSpan.FromHours(2)),
        };
        var targetOptions = new TargetOptions(cli);
        cli.ThrowOnUnknown();
        var report = await targetOptions.DriveAsync(
            target => WaitingRoomDriver.RunAsync(target, options, "waiting-room " + string.Join(' ', args), log, cancellationToken), log, cancellationToken);
        return await FlashSaleCommand.Finish(report, targetOptions.ResultsRoot, log, cancellationToken);
    }
}
