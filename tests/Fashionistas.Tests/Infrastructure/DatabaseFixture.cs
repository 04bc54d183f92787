using Fashionistas.Silo.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Fashionistas.Tests.Infrastructure;

/// <summary>A fresh database with every migration applied, per test class, in the run's throw-away cluster.</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private EmbeddedPostgresClusterHandle? _handle;

    public string DatabaseName { get; } = "t_" + Guid.NewGuid().ToString("N");

    public string ConnectionString { get; private set; } = string.Empty;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <summary>Set false (before InitializeAsync, e.g. in a derived fixture) to get an empty database.</summary>
    public bool ApplyMigrations { get; init; } = true;

    public async Task InitializeAsync()
    {
        var cluster = await TestCluster.GetAsync();
        _handle = new EmbeddedPostgresClusterHandle(cluster);
        await cluster.CreateDatabaseAsync(DatabaseName, CancellationToken.None);
        ConnectionString = new NpgsqlConnectionStringBuilder(cluster.ConnectionString(DatabaseName)) { MaxPoolSize = 60 }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        if (ApplyMigrations)
        {
            await MigrationRunner.ApplyAsync(DataSource, NullLogger.Instance, CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (_handle is not null)
        {
            await _handle.DropDatabaseAsync(DatabaseName);
        }
    }
}
