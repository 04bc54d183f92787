using System.Globalization;
using Npgsql;

namespace Fashionistas.LoadTests.Hosting;

/// <summary>
/// The connection string of an embedded cluster, read from its data folder as the server left it: the port is
/// line 4 of <c>postmaster.pid</c>, the superuser password sits beside the folder in <c>&lt;folder&gt;.password</c>.
/// </summary>
public static class DataFolderConnection
{
    private const int PortLine = 3;

    public static string Read(string dataDirectory, string database = "fashionistas")
    {
        var folder = Path.GetFullPath(dataDirectory).TrimEnd('/');
        var pidFile = Path.Combine(folder, "postmaster.pid");
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length <= PortLine || !int.TryParse(lines[PortLine].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var port))
        {
            throw new InvalidOperationException($"{pidFile} does not name a port on line {PortLine + 1}.");
        }

        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Password = File.ReadAllText(folder + ".password").Trim(),
            Database = database,
        }.ConnectionString;
    }
}
