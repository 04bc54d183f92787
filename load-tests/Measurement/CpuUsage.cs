using System.Diagnostics;
using System.Globalization;

namespace Fashionistas.LoadTests.Measurement;

/// <summary>
/// CPU time used so far by the load generator, the server process (when we know its pid) and all PostgreSQL
/// processes on this machine (Linux /proc); the difference of two readings shows where the cores went.
/// </summary>
public sealed record CpuUsage(TimeSpan LoadGenerator, TimeSpan Server, TimeSpan Postgres, TimeSpan Wall)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static CpuUsage Read(int? serverProcessId)
    {
        var self = Process.GetCurrentProcess().TotalProcessorTime;
        var server = serverProcessId is { } pid ? ProcCpu(pid) : TimeSpan.Zero;
        var postgres = TimeSpan.Zero;
        if (OperatingSystem.IsLinux())
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(dir), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && IsPostgres(id))
                {
                    postgres += ProcCpu(id);
                }
            }
        }

        return new CpuUsage(self, server, postgres, TimeSpan.FromSeconds(Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency));
    }

    public CpuUsage Since(CpuUsage earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return new CpuUsage(LoadGenerator - earlier.LoadGenerator, Server - earlier.Server, Postgres - earlier.Postgres, Wall - earlier.Wall);
    }

    /// <summary>"load generator 1.2 s, server 3.4 s, PostgreSQL 0.8 s of CPU in 2.5 s (2 cores)".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"load generator {LoadGenerator.TotalSeconds:F1} s, server {Server.TotalSeconds:F1} s, PostgreSQL {Postgres.TotalSeconds:F1} s " +
        $"of CPU in {Wall.TotalSeconds:F1} s × {Environment.ProcessorCount} cores");

    private static bool IsPostgres(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim() == "postgres";
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static TimeSpan ProcCpu(int pid)
    {
        try
        {
            // Fields after the parenthesised command: state is field 3, utime 14, stime 15.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return TimeSpan.Zero;
        }
    }
}
