using Fashionistas.Silo.Persistence.Embedded;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Fashionistas.Silo.Persistence;

/// <summary>
/// The one PostgreSQL the process talks to: the configured server, or an embedded cluster started on demand.
/// Migrations are applied when it starts; <see cref="DataSource"/> is usable from then on.
/// </summary>
public sealed class PostgresDatabase(
    IConfiguration configuration,
    IOptions<PostgresOptions> options,
    ILoggerFactory loggerFactory) : IAsyncDisposable
{
    public const string ConnectionStringName = "Postgres";

    private readonly ILogger _logger = loggerFactory.CreateLogger<PostgresDatabase>();
    private NpgsqlDataSource? _dataSource;
    private NpgsqlDataSource? _inventoryDataSource;
    private EmbeddedPostgresCluster? _cluster;

    private readonly Lock _startLock = new();
    private Task? _start;

    /// <summary>
    /// The data source; the first use before start-up ran (a hosted service constructed early) starts the
    /// database synchronously, so every consumer may take <see cref="NpgsqlDataSource"/> in its constructor.
    /// </summary>
    public NpgsqlDataSource DataSource
    {
        get
        {
            if (_dataSource is null)
            {
                StartAsync(CancellationToken.None).GetAwaiter().GetResult();
            }

            return _dataSource!;
        }
    }

    /// <summary>The same database through the inventory's own, smaller pool (<see cref="PostgresOptions.InventoryMaxPoolSize"/>).</summary>
    public NpgsqlDataSource InventoryDataSource
    {
        get
        {
            _ = DataSource;
            return _inventoryDataSource!;
        }
    }

    public bool IsEmbedded => _cluster is not null;

    public bool MigrationsApplied { get; private set; }

    /// <summary>Starts once; later calls wait for the same start.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_startLock)
        {
            return _start ??= StartCoreAsync(cancellationToken);
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var o = options.Value;
            _cluster = new EmbeddedPostgresCluster(
                new EmbeddedPostgresSettings(o.DataDirectory)
                {
                    BinDirectory = o.BinDirectory,
                    Port = o.Port,
                    StartTimeout = o.StartTimeout,
                    WatchProcessId = Environment.ProcessId,
                },
                loggerFactory.CreateLogger<EmbeddedPostgresCluster>());
            connectionString = await _cluster.StartAsync(o.Database, cancellationToken);
            connectionString = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = o.MaxPoolSize, Timeout = 5 }.ConnectionString;
        }
        else
        {
            _logger.LogInformation("Using the PostgreSQL server from ConnectionStrings:{Name}", ConnectionStringName);
        }

        var inventoryConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = options.Value.InventoryMaxPoolSize }.ConnectionString;
        _inventoryDataSource = new NpgsqlDataSourceBuilder(inventoryConnectionString) { Name = "fashionistas-inventory" }.Build();
        _dataSource = new NpgsqlDataSourceBuilder(connectionString) { Name = "fashionistas" }.Build();
        await MigrationRunner.ApplyAsync(_dataSource, _logger, cancellationToken);
        MigrationsApplied = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
            _dataSource = null;
        }

        if (_inventoryDataSource is not null)
        {
            await _inventoryDataSource.DisposeAsync();
            _inventoryDataSource = null;
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
            _cluster = null;
        }
    }
}
