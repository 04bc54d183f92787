using System.Runtime.InteropServices;

namespace Fashionistas.LoadTests.Reporting;

/// <summary>Where the figures were measured.</summary>
public sealed record MachineInfo(int Cores, string Os, string Runtime, string Configuration, bool ServerGc)
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
        System.Runtime.GCSettings.IsServerGC);
}
