using System.Data.Common;
using Npgsql;

namespace Fashionistas.Silo.Persistence;

/// <summary>
/// Puts <see cref="PostgresOptions.ConnectTimeout"/> and <see cref="PostgresOptions.CommandTimeout"/> into a connection
/// string that does not set them itself, so an unreachable or stuck PostgreSQL fails requests in seconds; likewise
/// <see cref="PostgresOptions.MaxAutoPrepare"/> and <see cref="PostgresOptions.AutoPrepareMinUsages"/>, so the hot
/// statements are parsed and planned once per connection instead of on every call.
/// </summary>
public static class ConnectionDefaults
{
    public static string Apply(string connectionString, PostgresOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Npgsql's builder reports defaults as values, so look at the keys the operator actually wrote.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>()
            .Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.Contains("Timeout"))
        {
            builder.Timeout = Seconds(options.ConnectTimeout);
        }

        if (!written.Contains("CommandTimeout"))
        {
            builder.CommandTimeout = Seconds(options.CommandTimeout);
        }

        if (!written.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = options.MaxAutoPrepare;
        }

        if (!written.Contains("AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = options.AutoPrepareMinUsages;
        }

        return builder.ConnectionString;
    }

    /// <summary>Npgsql counts whole seconds; a part second rounds up so a timeout never becomes shorter.</summary>
    private static int Seconds(TimeSpan value) => Math.Max(1, (int)Math.Ceiling(value.TotalSeconds));
}
