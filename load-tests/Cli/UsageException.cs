namespace Fashionistas.LoadTests.Cli;

/// <summary>The command line asks for something that cannot run; the message says what to type instead.</summary>
public sealed class UsageException(string message) : Exception(message);
