namespace Fashionistas.LoadTests.Cli;

/// <summary>A command of the console: its name, usage lines, and what runs it (arguments after the name, output, stop).</summary>
public sealed record CommandInfo(string Name, string Usage, Func<string[], TextWriter, CancellationToken, Task<int>> RunAsync);
