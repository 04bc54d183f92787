using System.Diagnostics;
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

    /// <summary>Pauses between start-up attempts grow from this ...</summary>
    private static readonly TimeSpan FirstStartRetryPause = TimeSpan.FromMilliseconds(500);

    /// <summary>... to this, so a returning database is noticed within seconds without being hammered.</summary>
    private static readonly TimeSpan LastStartRetryPause = TimeSpan.FromSeconds(5);

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
            connectionString = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = o.MaxPoolSize }.ConnectionString;
        }
        else
        {
            _logger.LogInformation("Using the PostgreSQL server from ConnectionStrings:{Name}", ConnectionStringName);
        }

        connectionString = ConnectionDefaults.Apply(connectionString, options.Value);
        var inventoryConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = options.Value.InventoryMaxPoolSize }.ConnectionString;
        _inventoryDataSource = new NpgsqlDataSourceBuilder(inventoryConnectionString) { Name = "fashionistas-inventory" }.Build();
        _dataSource = new NpgsqlDataSourceBuilder(connectionString) { Name = "fashionistas" }.Build();
        await MigrateWhenReachableAsync(_dataSource, options.Value.StartTimeout, cancellationToken);
        MigrationsApplied = true;
    }

    /// <summary>
    /// A server started while its PostgreSQL is still coming up (both rebooted, or no start ordering between them)
    /// waits for it, up to <paramref name="patience"/>, instead of exiting.
    /// </summary>
    private async Task MigrateWhenReachableAsync(NpgsqlDataSource dataSource, TimeSpan patience, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var pause = FirstStartRetryPause;
        while (true)
        {
            try
            {
                await MigrationRunner.ApplyAsync(dataSource, _logger, cancellationToken);
                return;
            }
            catch (Exception exception) when (StorageFaults.IsTransient(exception) && waited.Elapsed + pause < patience)
            {
                _logger.LogWarning(
                    "PostgreSQL is not reachable yet ({Error}); retrying in {Pause} (giving up after {Patience})",
                    exception.Message, pause, patience);
                await Task.Delay(pause, cancellationToken);
                pause = pause * 2 < LastStartRetryPause ? pause * 2 : LastStartRetryPause;
            }
        }
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
