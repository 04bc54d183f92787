namespace Fashionistas.LoadTests.Hosting;

/// <summary>The checkout this program was built from: the folder holding Fashionistas.sln.</summary>
public static class RepositoryRoot
{
    public static string Locate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Fashionistas.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("Fashionistas.sln not found above the working directory or the program.");
    }
}
