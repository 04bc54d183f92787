using System.Globalization;
using Fashionistas.LoadTests.Calibration;
using Fashionistas.LoadTests.Cli;

namespace Fashionistas.LoadTests.Commands;

/// <summary>
/// <c>hold-target</c>: for profiling the hold route with outside tools (wrk, perf, dotnet-counters). Starts our own
/// server, sets up the calibration sale (one ticket type of a million seats, signed-in buyers), writes into
/// <c>--out</c> what wrk needs (<c>holds.lua</c>, <c>tokens.txt</c>, <c>target.env</c>: URL, holds path, server pid,
/// connection string) and keeps the server running until the file <c>stop</c> appears there (or Ctrl+C).
/// </summary>
internal static class HoldTargetCommand
{
    public const string Usage = "hold-target --out DIR [--buyers 2000] [--server-env NAME=VALUE,...]\n";

    public static async Task<int> RunAsync(string[] args, TextWriter log, CancellationToken cancellationToken)
    {
        var cli = new CommandLine(args);
        var folder = cli.Text("out") ?? throw new UsageException("hold-target needs --out DIR.");
        var buyerCount = cli.Int("buyers", 2000, 1, 100_000);
        // Extra environment for our own server, e.g. DOTNET_gcServer=1 to compare GC modes side by side.
        var serverEnvironment = (cli.Text("server-env") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length == 2 ? pair[1] : throw new UsageException("--server-env takes NAME=VALUE pairs."));
        var targetOptions = new TargetOptions(cli);
        cli.ThrowOnUnknown();
        Directory.CreateDirectory(folder);
        var stop = Path.Combine(folder, "stop");
        File.Delete(stop);
        var (target, server) = await targetOptions.ResolveAsync(log, cancellationToken, serverEnvironment);
        await using (server)
        {
            var (ticketTypeId, tokens, runId) = await CalibrateCommand.SetUpHoldsAsync(target, buyerCount, log, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, "holds.lua"), WrkRunner.HoldScript, cancellationToken);
            await File.WriteAllLinesAsync(Path.Combine(folder, "tokens.txt"), tokens, cancellationToken);
            await File.WriteAllLinesAsync(Path.Combine(folder, "target.env"),
            [
                $"URL={target.BaseAddress}",
                $"HOLDS_PATH=/api/ticket-types/{ticketTypeId}/holds",
                $"RUN_ID={runId}",
                $"SERVER_PID={target.ServerProcessId?.ToString(CultureInfo.InvariantCulture)}",
                $"PG='{target.ConnectionString}'",
            ], cancellationToken);
            await log.WriteLineAsync($"Ready: {folder}/target.env; create {stop} to stop.");
            while (!File.Exists(stop) && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(500, CancellationToken.None);
            }
        }

        return 0;
    }
}
