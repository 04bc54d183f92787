using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fashionistas.Silo.Persistence;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> files in order, each once and in its own transaction,
/// recorded in <c>schema_migrations</c>. A session advisory lock makes concurrent starters take turns, so two
/// servers starting at once against one database apply each migration exactly once.
/// </summary>
public static class MigrationRunner
{
    private const long AdvisoryLockKey = 0x46_61_73_68_69_6F_6E; // "Fashion"

    /// <summary>Npgsql's value for "wait as long as the statement runs".</summary>
    private const int NoTimeout = 0;

    public static IReadOnlyList<Migration> All { get; } = Load();

    public static async Task<IReadOnlyList<string>> ApplyAsync(NpgsqlDataSource dataSource, ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var read = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetString(0));
                }
            }

            var appliedNow = new List<string>();
            foreach (var migration in All.Where(m => !applied.Contains(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
                await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version) VALUES ($1)", connection, transaction)
                {
                    CommandTimeout = NoTimeout,
                };
                record.Parameters.AddWithValue(migration.Version);
                await record.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Version}", migration.Version);
                appliedNow.Add(migration.Version);
            }

            return appliedNow;
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    /// <summary>True when every known migration is recorded in the database.</summary>
    public static async Task<bool> IsUpToDateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM schema_migrations WHERE version = ANY($1)");
        command.Parameters.AddWithValue(All.Select(m => m.Version).ToArray());
        var count = (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
        return count == All.Count;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        // No statement timeout: a migration may rewrite a big table, and the advisory lock waits for another starter.
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = NoTimeout };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<Migration> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        const string marker = ".Persistence.Migrations.";
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.Contains(marker, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[(n.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..^".sql".Length];
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return new Migration(file, reader.ReadToEnd());
            })
            .OrderBy(m => m.Version, StringComparer.Ordinal)];
    }
}
