using Fashionistas.LoadTests.Commands;

namespace Fashionistas.LoadTests;

/// <summary>
/// The load-test console: <c>dotnet run --project load-tests -- &lt;command&gt; [--option value ...]</c>.
/// Each command is one file in Commands/; to add one, add its line to the switch below.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        var command = args.FirstOrDefault();
        var options = CommandOptions.Parse(args.Skip(1));
        return command switch
        {
            CrashChildCommand.Name => await CrashChildCommand.RunAsync(options, cancellation.Token),
            GrainBenchCommand.Name => await GrainBenchCommand.RunAsync(options, cancellation.Token),
            _ => await UsageAsync(command),
        };
    }

    private static async Task<int> UsageAsync(string? command)
    {
        await Console.Error.WriteLineAsync(command is null ? "No command given." : $"Unknown command '{command}'.");
        await Console.Error.WriteLineAsync($"Commands: {CrashChildCommand.Name}, {GrainBenchCommand.Name}");
        await Console.Error.WriteLineAsync($"  {CrashChildCommand.Usage}");
        await Console.Error.WriteLineAsync($"  {GrainBenchCommand.Usage}");
        return command is null ? 0 : 2;
    }
}
