namespace Fashionistas.LoadTests.Client;

/// <summary>
/// The generator runs the continuation of a socket operation on the thread that saw it complete (.NET's epoll threads,
/// one per core with this setting) instead of queueing it to the thread pool: an answer is parsed, recorded and the
/// connection's next request written in one go, as wrk's event loop does, without a thread hop and its context switch
/// per request. Only this process: a server started by the generator does not inherit it.
/// </summary>
public static class SocketCompletions
{
    /// <summary>Read by .NET when the first socket is created; must be set before that.</summary>
    public const string InlineVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Turns inline completions on for this process unless the environment already decided.</summary>
    public static void RunInline()
    {
        if (Environment.GetEnvironmentVariable(InlineVariable) is null)
        {
            Environment.SetEnvironmentVariable(InlineVariable, "1");
        }
    }
}
