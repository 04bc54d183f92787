using System.Diagnostics;
using System.Globalization;

namespace Fashionistas.LoadTests.Calibration;

/// <summary>Runs Debian's <c>wrk</c> (closed loop: each connection sends its next request when the last answered).</summary>
public static class WrkRunner
{
    public const string Executable = "wrk";

    /// <summary>
    /// POSTs holds of one seat, buyer tokens taken in turn from a file (one a line), a fresh idempotency key per request
    /// (thread number + counter), exactly what <see cref="HoldLoad"/> sends from our generator.
    /// </summary>
    internal const string HoldScript = """
        local counter = 0
        local tokens = {}
        local path, prefix
        local threads = 0

        function setup(thread)
          threads = threads + 1
          thread:set("thread_number", threads)
        end

        function init(args)
          path = args[1]
          for line in io.lines(args[2]) do tokens[#tokens + 1] = line end
          prefix = args[3] .. "-" .. thread_number .. "-"
        end

        function request()
          counter = counter + 1
          local token = tokens[(counter % #tokens) + 1]
          return wrk.format("POST", path, {
            ["Authorization"] = "Bearer " .. token,
            ["Content-Type"] = "application/json",
            ["Idempotency-Key"] = prefix .. counter,
          }, '{"quantity":1}')
        end
        """;

    public static bool IsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, Executable)));

    /// <summary>GETs <paramref name="url"/> for <paramref name="duration"/>.</summary>
    public static Task<LoadToolResult> GetAsync(Uri url, int threads, int connections, TimeSpan duration, CancellationToken cancellationToken) =>
        RunAsync([.. Common(threads, connections, duration), url.ToString()], cancellationToken);

    /// <summary>Holds on <paramref name="holdsPath"/> by the buyers of <paramref name="tokens"/>, in turn.</summary>
    public static async Task<LoadToolResult> HoldsAsync(
        Uri baseAddress, string holdsPath, IReadOnlyList<string> tokens, string keyPrefix, int threads, int connections, TimeSpan duration,
        CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("fashionistas-wrk-");
        try
        {
            var script = Path.Combine(folder.FullName, "holds.lua");
            var tokenFile = Path.Combine(folder.FullName, "tokens.txt");
            await File.WriteAllTextAsync(script, HoldScript, cancellationToken);
            await File.WriteAllLinesAsync(tokenFile, tokens, cancellationToken);
            return await RunAsync([.. Common(threads, connections, duration), "-s", script, baseAddress.ToString(), "--", holdsPath, tokenFile, keyPrefix],
                cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string[] Common(int threads, int connections, TimeSpan duration) =>
    [
        "-t", threads.ToString(CultureInfo.InvariantCulture),
        "-c", connections.ToString(CultureInfo.InvariantCulture),
        "-d", ((int)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s",
        "--latency",
    ];

    private static async Task<LoadToolResult> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var cpuBefore = Measurement.ChildCpu.Read();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }

        var text = await output + await error;
        return process.ExitCode == 0
            ? LoadToolResult.ParseWrk(text) with { Cpu = Measurement.ChildCpu.Read() - cpuBefore }
            : throw new InvalidOperationException($"wrk exited with {process.ExitCode}: {text}");
    }
}
