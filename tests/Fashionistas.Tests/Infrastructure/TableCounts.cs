using Npgsql;

namespace Fashionistas.Tests.Infrastructure;

/// <summary>Row counts of tables, as "table=count" parts of a before/after database snapshot.</summary>
public static class TableCounts
{
    public static async Task<List<string>> ReadAsync(NpgsqlDataSource dataSource, IEnumerable<string> tables)
    {
        var parts = new List<string>();
        foreach (var table in tables)
        {
            await using var count = dataSource.CreateCommand($"SELECT count(*) FROM {table}");
            parts.Add($"{table}={await count.ExecuteScalarAsync()}");
        }

        return parts;
    }
}
