namespace Fashionistas.LoadTests;

/// <summary>The load-test console: <c>dotnet run --project load-tests -- &lt;command&gt; [options]</c>.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        await Console.Out.WriteLineAsync("load tests: commands are being added");
        return args.Length == 0 ? 0 : 2;
    }
}
