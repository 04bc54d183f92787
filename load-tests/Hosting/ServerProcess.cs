using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Fashionistas.LoadTests.Hosting;

/// <summary>
/// The Fashionistas server as a child process (the built Fashionistas.Web.dll run with <c>dotnet</c>), as a user would
/// run it: used by the load generator when no --target is given, and by tests that kill or restart the server.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private const string ListeningPrefix = "Now listening on: ";

    private volatile Uri? _baseAddress;

    private ServerProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>
    /// Where the server listens: it binds port 0 and says which port it got ("Now listening on: ..."), so no other
    /// socket can take the port between choosing and binding it. Known once <see cref="WaitUntilReadyAsync"/> returned.
    /// </summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The server has not said where it listens yet.");

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the server printed so far.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts the server on a loopback port the OS picks, with the given configuration (environment variables).</summary>
    public static ServerProcess Start(IReadOnlyDictionary<string, string> environment, string? webDll = null)
    {
        var dll = webDll ?? LocateWebDll();
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.Environment["Urls"] = "http://127.0.0.1:0";
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment.Remove(Client.SocketCompletions.InlineVariable); // the generator's setting, not the server's
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        // Its co-hosted silo on a port of its own and no gateway, so servers started side by side do not collide.
        info.Environment["Orleans__SiloPort"] = FreeTcpPort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Orleans__GatewayPort"] = "0";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the server.");
        return new ServerProcess(process);
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200, or throws with the server's output.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode}:\n{Output}");
            }

            if (_baseAddress is null)
            {
                await Task.Delay(100, cancellationToken);
                continue;
            }

            client.BaseAddress ??= _baseAddress;
            try
            {
                using var response = await client.GetAsync("/health/ready", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"The server was not ready within {timeout}:\n{Output}");
    }

    /// <summary>SIGTERM, as a service manager or Ctrl+C would: the server shuts down gracefully.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
    }

    /// <summary>SIGKILL: the process dies at once, as in a crash.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await StopAsync(TimeSpan.FromSeconds(30));
            }
            catch (OperationCanceledException)
            {
                await KillAsync();
            }
        }

        _process.Dispose();
    }

    /// <summary>The Web project's build output that matches this build's configuration.</summary>
    public static string LocateWebDll() => BuildOutputs.Locate(Path.Combine("src", "Web"), "Fashionistas.Web");

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
            var at = line.IndexOf(ListeningPrefix, StringComparison.Ordinal);
            if (at >= 0 && _baseAddress is null)
            {
                _baseAddress = new Uri(line[(at + ListeningPrefix.Length)..].Trim());
            }
        }
    }
}
