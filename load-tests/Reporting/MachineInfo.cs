using System.Runtime.InteropServices;

namespace Fashionistas.LoadTests.Reporting;

/// <summary>Where the figures were measured.</summary>
public sealed record MachineInfo(int Cores, string Os, string Runtime, string Configuration, bool ServerGc, string LoadAverage)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
#if DEBUG
        "Debug",
#else
        "Release",
#endif
        System.Runtime.GCSettings.IsServerGC,
        ReadLoadAverage());

    /// <summary>1/5/15-minute load averages at the start: other work on the machine skews every figure.</summary>
    private static string ReadLoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
