using System.Collections.Concurrent;
using System.Diagnostics;
using Fashionistas.LoadTests.Hosting;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Grains.Support;

/// <summary>
/// The load-tests console's <c>crash-child</c> command as a child process: it sells until killed and prints
/// one line per acknowledged hold or sale, which this collects.
/// </summary>
public sealed class CrashChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _acknowledged = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CrashChildProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _outputClosed.TrySetResult();
            }
            else
            {
                _acknowledged.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _errors.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IReadOnlyCollection<string> Acknowledged => _acknowledged;

    public string Errors => string.Join('\n', _errors);

    public bool HasExited => _process.HasExited;

    public static CrashChildProcess Start(string connectionString, IEnumerable<Guid> ticketTypes)
    {
        var dll = LocateLoadTestsDll();
        var arguments = new List<string> { dll, "crash-child", "--connection", connectionString };
        foreach (var ticketType in ticketTypes)
        {
            arguments.AddRange(["--ticket-type", ticketType.ToString()]);
        }

        var info = new ProcessStartInfo("dotnet", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        CallerEnvironment.RemoveFrom(info.Environment);
        info.Environment["DOTNET_gcServer"] = "0";
        return new CrashChildProcess(Process.Start(info) ?? throw new InvalidOperationException("Could not start the crash child."));
    }

    /// <summary>SIGKILL, then every line the process wrote before dying.</summary>
    public async Task<IReadOnlyList<string>> KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
        await _outputClosed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return [.. _acknowledged];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The load-tests build output of this build's configuration.</summary>
    private static string LocateLoadTestsDll() => BuildOutputs.Locate("load-tests", "Fashionistas.LoadTests");
}
