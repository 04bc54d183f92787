using Fashionistas.Silo.Persistence.Embedded;
using Npgsql;

namespace Fashionistas.Tests.Infrastructure;

/// <summary>Administrative work on the test cluster.</summary>
internal sealed class EmbeddedPostgresClusterHandle(EmbeddedPostgresCluster cluster)
{
    public async Task DropDatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
