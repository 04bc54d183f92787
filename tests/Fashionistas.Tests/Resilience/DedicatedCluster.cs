using System.Diagnostics;
using Fashionistas.Silo.Persistence;
using Fashionistas.Silo.Persistence.Embedded;
using Fashionistas.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Fashionistas.Tests.Resilience;

/// <summary>
/// A throw-away PostgreSQL cluster of its own, on a port that stays the same across restarts, with one migrated database: a test may stop it, start
/// it again where its clients expect it, or freeze it, without disturbing the run's shared <see cref="TestCluster"/>.
/// </summary>
public sealed class DedicatedCluster : IAsyncLifetime
{
    public const string DatabaseName = "fashionistas";

    // The cluster picks its port on first start and keeps it across this fixture's stops and starts.
    private readonly EmbeddedPostgresCluster _cluster = new(TestCluster.ThrowAwaySettings(), NullLogger.Instance);

    private bool _running;

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>A data source with the server's default timeouts, for grains under test and for checking what is durable.</summary>
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await _cluster.StartAsync(DatabaseName, CancellationToken.None);
        _running = true;
        DataSource = NpgsqlDataSource.Create(ConnectionDefaults.Apply(ConnectionString, new PostgresOptions()));
        await MigrationRunner.ApplyAsync(DataSource, NullLogger.Instance, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    /// <summary>Stops PostgreSQL (fast shutdown: open connections are cut); disposing the result starts it again.</summary>
    public async Task<IAsyncDisposable> StopAsync()
    {
        await _cluster.StopAsync();
        _running = false;
        return new Restart(this);
    }

    /// <summary>Starts PostgreSQL again on the same port and data folder (nothing to do when it runs).</summary>
    public async Task StartAsync()
    {
        if (_running)
        {
            return;
        }

        await _cluster.StartAsync(DatabaseName, CancellationToken.None);
        _running = true;

        // This test-side pool's connections died with the old server; the server under test must cope on its own.
        DataSource.Clear();
    }

    /// <summary>
    /// Freezes every process of the cluster (SIGSTOP): connections open but nothing answers, as when the database host
    /// hangs or the network drops packets. Disposing the result resumes them.
    /// </summary>
    public IDisposable Freeze()
    {
        Signal("STOP");
        return new Thaw(this);
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    private void Signal(string signal)
    {
        // Only this cluster's own processes: its postmaster and the backends it forked.
        var postmaster = File.ReadLines(Path.Combine(_cluster.DataDirectory, "postmaster.pid")).First().Trim();
        var children = Run("ps", "-o", "pid=", "--ppid", postmaster)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Run("kill", ["-" + signal, postmaster, .. children]);
    }

    private static string Run(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    private sealed class Restart(DedicatedCluster cluster) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await cluster.StartAsync();
    }

    private sealed class Thaw(DedicatedCluster cluster) : IDisposable
    {
        public void Dispose() => cluster.Signal("CONT");
    }
}
