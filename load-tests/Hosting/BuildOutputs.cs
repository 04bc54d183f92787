namespace Fashionistas.LoadTests.Hosting;

/// <summary>Finds another project's build output in this solution, in the configuration (Debug/Release) of this build.</summary>
public static class BuildOutputs
{
    /// <summary>
    /// <c>{solution}/{projectDirectory}/bin/{configuration}/net10.0/{assemblyName}.dll</c>; throws when it is not built.
    /// </summary>
    public static string Locate(string projectDirectory, string assemblyName)
    {
        var baseDirectory = AppContext.BaseDirectory;
        var configuration = baseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        var dir = new DirectoryInfo(baseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Fashionistas.sln")))
        {
            dir = dir.Parent;
        }

        var dll = dir is null ? null : Path.Combine(dir.FullName, projectDirectory, "bin", configuration, "net10.0", assemblyName + ".dll");
        return dll is not null && File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"{assemblyName}.dll ({configuration}) not found; build the solution first.");
    }
}
