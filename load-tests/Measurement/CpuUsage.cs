using System.Diagnostics;
using System.Globalization;

namespace Fashionistas.LoadTests.Measurement;

/// <summary>
/// CPU time used so far by the load generator, the server process (when we know its pid) and all PostgreSQL
/// processes on this machine, and the busy time of the whole machine (Linux /proc); the difference of two readings
/// shows where the cores went.
/// </summary>
public sealed record CpuUsage(TimeSpan LoadGenerator, TimeSpan Server, TimeSpan Postgres, TimeSpan Wall, TimeSpan Machine = default)
{
    /// <summary>The generator's share of the CPU the whole machine used (every process, every core); 0 when unknown.</summary>
    public double GeneratorShare => Machine > TimeSpan.Zero ? LoadGenerator / Machine : 0;

    /// <summary>The share of the machine's cores that were busy over the wall time; 0 when unknown.</summary>
    public double MachineBusy => Wall > TimeSpan.Zero ? Machine / (Wall * Environment.ProcessorCount) : 0;

    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>Each PostgreSQL process's CPU time at this reading, so a difference counts only processes alive at its end.</summary>
    private IReadOnlyDictionary<int, TimeSpan> PostgresByProcess { get; init; } = new Dictionary<int, TimeSpan>();

    public static CpuUsage Read(int? serverProcessId)
    {
        var self = Process.GetCurrentProcess().TotalProcessorTime;
        var server = serverProcessId is { } pid ? ProcCpu(pid) : TimeSpan.Zero;
        var postgres = new Dictionary<int, TimeSpan>();
        if (OperatingSystem.IsLinux())
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(dir), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && IsPostgres(id))
                {
                    postgres[id] = ProcCpu(id);
                }
            }
        }

        return new CpuUsage(self, server, postgres.Values.Aggregate(TimeSpan.Zero, (sum, t) => sum + t),
            TimeSpan.FromSeconds(Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency), MachineCpu())
        {
            PostgresByProcess = postgres,
        };
    }

    /// <summary>
    /// What was used between <paramref name="earlier"/> and this reading. PostgreSQL counts per process: one that ended in
    /// between (another run's throw-away cluster on this machine) would otherwise make the figure negative.
    /// </summary>
    public CpuUsage Since(CpuUsage earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var postgres = PostgresByProcess.Aggregate(TimeSpan.Zero, (sum, p) =>
            sum + p.Value - (earlier.PostgresByProcess.TryGetValue(p.Key, out var before) && before <= p.Value ? before : TimeSpan.Zero));
        return new CpuUsage(LoadGenerator - earlier.LoadGenerator, Server - earlier.Server, postgres, Wall - earlier.Wall,
            Machine - earlier.Machine);
    }

    /// <summary>"load generator 1.2 s (20 % of the machine's busy CPU), server 3.4 s, PostgreSQL 0.8 s of CPU; machine 6.0 s in 2.5 s × 2 cores".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"load generator {LoadGenerator.TotalSeconds:F1} s ({GeneratorShare:P0} of the machine's busy CPU), server {Server.TotalSeconds:F1} s, " +
        $"PostgreSQL {Postgres.TotalSeconds:F1} s of CPU; the whole machine {Machine.TotalSeconds:F1} s ({MachineBusy:P0} busy) " +
        $"in {Wall.TotalSeconds:F1} s × {Environment.ProcessorCount} cores");

    /// <summary>Busy time of every core since boot: /proc/stat's first line minus idle and iowait.</summary>
    private static TimeSpan MachineCpu()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            // user nice system idle iowait irq softirq steal (guest time is already counted in user).
            var busy = fields.Take(8).Sum() - fields[3] - fields[4];
            return TimeSpan.FromSeconds(busy / TicksPerSecond);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or InvalidOperationException)
        {
            return TimeSpan.Zero;
        }
    }

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
