using System.Diagnostics;

namespace Fashionistas.Silo.Persistence.Embedded;

/// <summary>Finds the PostgreSQL server binaries (initdb, pg_ctl) on this machine.</summary>
public static class PostgresBinaries
{
    public const string InstallHint =
        "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them (Debian/Ubuntu: " +
        "`apt-get install postgresql` or `postgresql-15`), set Postgres:BinDirectory, or configure " +
        "ConnectionStrings:Postgres to use an existing server.";

    public static string Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasServer(configured)
                ? configured
                : throw new InvalidOperationException($"Postgres:BinDirectory '{configured}' has no initdb/pg_ctl. {InstallHint}");
        }

        var candidates = new List<string>();
        if (TryPgConfig() is { } fromPgConfig)
        {
            candidates.Add(fromPgConfig);
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            candidates.AddRange(Directory.GetDirectories(debianRoot)
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        candidates.AddRange(["/usr/local/pgsql/bin", "/usr/local/bin", "/usr/bin"]);
        return candidates.FirstOrDefault(HasServer) ?? throw new InvalidOperationException(InstallHint);
    }

    private static bool HasServer(string dir) =>
        File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));

    private static string? TryPgConfig()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
