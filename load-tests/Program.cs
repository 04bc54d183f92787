using Fashionistas.LoadTests.Cli;
using Fashionistas.LoadTests.Commands;

namespace Fashionistas.LoadTests;

/// <summary>The load-test console: <c>dotnet run -c Release --project load-tests -- &lt;command&gt; [options]</c>.</summary>
internal static class Program
{
    /// <summary>Every command, by name; add new ones here.</summary>
    private static readonly CommandInfo[] Commands =
    [
        new("flash-sale", FlashSaleCommand.Usage, FlashSaleCommand.RunAsync),
        new("sustained", SustainedCommand.Usage, SustainedCommand.RunAsync),
        new("calibrate", CalibrateCommand.Usage, CalibrateCommand.RunAsync),
        new("waiting-room", WaitingRoomCommand.Usage, WaitingRoomCommand.RunAsync),
        new("hold-target", HoldTargetCommand.Usage, HoldTargetCommand.RunAsync),
        new(HttpFloorCommand.Name, HttpFloorCommand.Usage, HttpFloorCommand.RunAsync),
        new("row-lock", RowLockCommand.Usage, RowLockCommand.RunAsync),
        new(GrainBenchCommand.Name, GrainBenchCommand.Usage + "\n", (args, _, ct) => GrainBenchCommand.RunAsync(CommandOptions.Parse(args), ct)),
        new(CrashChildCommand.Name, CrashChildCommand.Usage + "\n", (args, _, ct) => CrashChildCommand.RunAsync(CommandOptions.Parse(args), ct)),
    ];

    public static async Task<int> Main(string[] args)
    {
        if (args is [HttpFloorCommand.ServeName])
        {
            // http-floor's child: a bare Kestrel under the server's runtime settings, not the generator's.
            return await HttpFloorCommand.ServeAsync(CancellationToken.None);
        }

        Client.SocketCompletions.RunInline();
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C stops the run gracefully (report still written); a second one kills it.
            if (!stop.IsCancellationRequested)
            {
                e.Cancel = true;
                stop.Cancel();
            }
        };

        var name = args.Length == 0 ? "flash-sale" : args[0];
        var command = Commands.FirstOrDefault(c => c.Name == name);
        if (command is null || name is "help" or "--help" or "-h")
        {
            await Console.Error.WriteLineAsync(UsageText());
            return name is "help" or "--help" or "-h" ? 0 : 2;
        }

        try
        {
            return await command.RunAsync(args.Length == 0 ? [] : args[1..], Console.Out, stop.Token);
        }
        catch (Exception ex) when (ex is UsageException or ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}\n\n{UsageText()}");
            return 2;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Stopped.");
            return 130;
        }
    }

    private static string UsageText() =>
        "usage: dotnet run -c Release --project load-tests -- <command> [options]\n\ncommands:\n" +
        string.Concat(Commands.Select(c => "  " + c.Usage.Replace("\n", "\n  ", StringComparison.Ordinal).TrimEnd() + "\n")) +
        "\ncommon options:\n" + TargetOptions.Usage;
}
