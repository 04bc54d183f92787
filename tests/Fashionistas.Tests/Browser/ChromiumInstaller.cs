using System.Diagnostics;
using Fashionistas.Silo.Persistence.Embedded;

namespace Fashionistas.Tests.Browser;

/// <summary>
/// Makes the machine's Chromium available for the browser tests, so the README's <c>dotnet test</c> works on a fresh
/// Debian machine: when Debian's <c>chromium</c> is missing and the tests run as root, it is installed with apt-get
/// (once per test run); otherwise the failure says exactly what to run.
/// </summary>
internal static class ChromiumInstaller
{
    private static readonly Lazy<Task> Install = new(InstallWithAptAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Returns once <paramref name="executable"/> exists, installing Debian's package when that is ours to do.</summary>
    public static async Task EnsureAsync(string executable, bool isDefaultLocation)
    {
        if (File.Exists(executable))
        {
            return;
        }

        var howTo = $"Chromium is not at {executable}. Install it with `sudo apt-get install -y chromium` (as root, `dotnet test` "
            + "does it itself), or set FASHIONISTAS_CHROMIUM to a Chromium binary.";
        if (!isDefaultLocation || !OperatingSystem.IsLinux() || !ProcessRunner.IsRoot || !File.Exists("/usr/bin/apt-get"))
        {
            throw new InvalidOperationException(howTo);
        }

        await Install.Value;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(howTo + " (apt-get ran but did not install it.)");
        }
    }

    private static async Task InstallWithAptAsync()
    {
        Console.Error.WriteLine("Chromium is missing: installing Debian's chromium package for the browser tests (apt-get) ...");
        await RunAsync("apt-get", "update -q");
        await RunAsync("apt-get", "install -y -q --no-install-recommends chromium");
    }

    private static async Task RunAsync(string program, string arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{program} {arguments}` failed ({process.ExitCode}): {await errors}{await output}");
        }
    }
}
