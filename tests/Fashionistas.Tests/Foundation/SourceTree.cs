namespace Fashionistas.Tests.Foundation;

/// <summary>The repository's C# sources, read as text (the checkout the tests were built from).</summary>
internal static class SourceTree
{
    /// <summary>The folder holding Fashionistas.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Every .cs file under <paramref name="folder"/> (relative to the root), build output left out.</summary>
    public static IEnumerable<string> CSharpFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(Path.GetRelativePath(Root, path)));

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static bool IsBuildOutput(string relative) =>
        relative.Replace('\\', '/').Split('/').Any(part => part is "bin" or "obj" or "node_modules");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fashionistas.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Fashionistas.sln not found above " + AppContext.BaseDirectory);
    }
}
