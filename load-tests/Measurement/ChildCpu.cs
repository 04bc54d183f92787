using System.Runtime.InteropServices;

namespace Fashionistas.LoadTests.Measurement;

/// <summary>
/// CPU time used by this process's finished child processes (Linux <c>getrusage(RUSAGE_CHILDREN)</c>): the difference
/// around one wrk run is wrk's own CPU time, so its cost per request can stand beside our generator's.
/// </summary>
internal static class ChildCpu
{
    private const int RusageChildren = -1;

    /// <summary>User + system time of every child waited for so far; zero where unknown (not Linux).</summary>
    public static TimeSpan Read()
    {
        if (!OperatingSystem.IsLinux())
        {
            return TimeSpan.Zero;
        }

        // struct rusage starts with two struct timeval (seconds, microseconds): user time, then system time.
        var usage = new long[18];
        return GetRusage(RusageChildren, usage) == 0
            ? TimeSpan.FromSeconds(usage[0] + usage[2]) + TimeSpan.FromMicroseconds(usage[1] + usage[3])
            : TimeSpan.Zero;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetRusage(int who, [Out] long[] usage);
}
