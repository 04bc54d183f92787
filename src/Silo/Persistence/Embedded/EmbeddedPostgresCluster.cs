using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fashionistas.Silo.Persistence.Embedded;

/// <summary>
/// A PostgreSQL cluster of our own in a data folder: initdb once, then pg_ctl start/stop, bound to 127.0.0.1 only
/// with a generated superuser password. Used by the server when no connection string is configured, and by tests.
/// </summary>
public sealed class EmbeddedPostgresCluster(EmbeddedPostgresSettings settings, ILogger logger) : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private readonly string _dataDirectory = Path.GetFullPath(settings.DataDirectory);
    private string? _binDirectory;
    private bool _started;

    public int Port { get; private set; }

    public string DataDirectory => _dataDirectory;

    private string PasswordFile => _dataDirectory.TrimEnd('/') + ".password";

    private string PgCtl => Path.Combine(_binDirectory!, "pg_ctl");

    /// <summary>Starts the cluster (creating it on first use) and returns a connection string to <paramref name="database"/>.</summary>
    public async Task<string> StartAsync(string database, CancellationToken cancellationToken)
    {
        _binDirectory = PostgresBinaries.Locate(settings.BinDirectory);
        if (!File.Exists(Path.Combine(_dataDirectory, "PG_VERSION")))
        {
            await InitDbAsync(cancellationToken);
        }
        else if (!File.Exists(PasswordFile))
        {
            throw new InvalidOperationException(
                $"The embedded PostgreSQL data folder {_dataDirectory} exists but its password file {PasswordFile} is missing; " +
                "remove the folder to start afresh or configure ConnectionStrings:Postgres.");
        }

        await StopIfRunningAsync(cancellationToken);

        // A port picked here is free now but not reserved: another socket may take it before the postmaster binds it,
        // so a first start that fails on an auto-picked port is tried again on another one. A restart of this cluster
        // keeps the port its clients already know.
        var fixedPort = settings.Port > 0 ? settings.Port : Port;
        var attempts = fixedPort > 0 ? 1 : 3;
        for (var attempt = 1; ; attempt++)
        {
            Port = fixedPort > 0 ? fixedPort : FreePort();
            var (code, output) = await PgCtlStartAsync(cancellationToken);
            if (code == 0)
            {
                break;
            }

            if (attempt < attempts)
            {
                logger.LogWarning("PostgreSQL did not start on port {Port} (pg_ctl exit {Code}); trying another port", Port, code);
                await StopIfRunningAsync(cancellationToken);
                continue;
            }

            throw new InvalidOperationException($"PostgreSQL did not start (pg_ctl exit {code}): {output.Trim()} " +
                $"See {Path.Combine(_dataDirectory, "server.log")}.");
        }

        _started = true;
        if (settings.WatchProcessId is { } parent)
        {
            StartWatchdog(parent);
        }

        logger.LogInformation("Embedded PostgreSQL started on 127.0.0.1:{Port} with data in {DataDirectory}", Port, _dataDirectory);
        var connectionString = ConnectionString(database);
        await CreateDatabaseAsync(database, cancellationToken);
        return connectionString;
    }

    private Task<(int Code, string Output)> PgCtlStartAsync(CancellationToken cancellationToken)
    {
        var options = string.Join(' ', new[]
        {
            $"-p {Port.ToString(CultureInfo.InvariantCulture)}",
            "-c listen_addresses=127.0.0.1",
            "-c unix_socket_directories=''",
        }.Concat(settings.ServerSettings.Select(kv => $"-c {kv.Key}={kv.Value}")));
        return ProcessRunner.RunAsync(PgCtl,
            ["start", "-D", _dataDirectory, "-w", "-t", Seconds(settings.StartTimeout), "-l",
                Path.Combine(_dataDirectory, "server.log"), "-o", options],
            settings.StartTimeout + TimeSpan.FromSeconds(10), cancellationToken);
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Password = File.ReadAllText(PasswordFile).Trim(),
        Database = database,
    }.ConnectionString;

    public async Task CreateDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        // Unpooled: after a stop and start in this process a pooled connection would be a dead one from before.
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!_started)
        {
            return;
        }

        _started = false;
        var (code, output) = await ProcessRunner.RunAsync(PgCtl, ["stop", "-D", _dataDirectory, "-m", "fast", "-w",
            "-t", Seconds(settings.StartTimeout)], settings.StartTimeout + TimeSpan.FromSeconds(10), cancellationToken);
        if (code == 0)
        {
            logger.LogInformation("Embedded PostgreSQL stopped");
        }
        else
        {
            logger.LogWarning("pg_ctl stop exited {ExitCode}: {Output}", code, output.Trim());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (settings.DeleteOnStop)
        {
            DeleteFiles();
        }
    }

    private void DeleteFiles()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }

        if (File.Exists(PasswordFile))
        {
            File.Delete(PasswordFile);
        }
    }

    private async Task InitDbAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Creating embedded PostgreSQL cluster in {DataDirectory}", _dataDirectory);
        Directory.CreateDirectory(_dataDirectory);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        await File.WriteAllTextAsync(PasswordFile, password, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // initdb reads the password from a file the postgres user can read; it lives only for the call.
        var pwDirectory = Path.Combine(Path.GetTempPath(), "fashionistas-initdb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(pwDirectory);
        var pwFile = Path.Combine(pwDirectory, "pw");
        try
        {
            await File.WriteAllTextAsync(pwFile, password, cancellationToken);
            await ProcessRunner.GiveToPostgresAsync(pwDirectory, cancellationToken);
            await ProcessRunner.GiveToPostgresAsync(_dataDirectory, cancellationToken);
            var (code, output) = await ProcessRunner.RunAsync(Path.Combine(_binDirectory!, "initdb"),
                ["-D", _dataDirectory, "-U", Superuser, "--pwfile", pwFile, "--auth", "scram-sha-256",
                    "-E", "UTF8", "--locale", "C", "--no-instructions"],
                TimeSpan.FromMinutes(2), cancellationToken);
            if (code != 0)
            {
                throw new InvalidOperationException($"initdb failed (exit {code}): {output.Trim()}");
            }
        }
        finally
        {
            Directory.Delete(pwDirectory, recursive: true);
        }
    }

    private async Task StopIfRunningAsync(CancellationToken cancellationToken)
    {
        var (status, _) = await ProcessRunner.RunAsync(PgCtl, ["status", "-D", _dataDirectory], TimeSpan.FromSeconds(30), cancellationToken);
        if (status == 0)
        {
            // A server left running by a process that was killed: stop it and start one we own.
            logger.LogWarning("Embedded PostgreSQL in {DataDirectory} was still running; restarting it", _dataDirectory);
            await ProcessRunner.RunAsync(PgCtl, ["stop", "-D", _dataDirectory, "-m", "fast", "-w"], settings.StartTimeout, cancellationToken);
        }
    }

    /// <summary>
    /// A detached shell that stops the cluster (and deletes it, for throw-away clusters) once <paramref name="parentPid"/>
    /// is gone, so a killed test run or server never leaves a postmaster behind.
    /// </summary>
    private void StartWatchdog(int parentPid)
    {
        var runAs = ProcessRunner.IsRoot ? "runuser -u postgres -- " : string.Empty;
        var cleanup = settings.DeleteOnStop ? $"; rm -rf '{_dataDirectory}' '{PasswordFile}'" : string.Empty;
        // Only the postmaster we started is stopped: a newer server on the same folder is left alone.
        var pidFile = Path.Combine(_dataDirectory, "postmaster.pid");
        var postmaster = File.ReadLines(pidFile).First().Trim();
        var script = $"while kill -0 {parentPid} 2>/dev/null; do sleep 1; done; " +
                     $"if [ \"$(head -n 1 '{pidFile}' 2>/dev/null)\" = '{postmaster}' ]; then " +
                     $"{runAs}'{PgCtl}' stop -D '{_dataDirectory}' -m fast -w >/dev/null 2>&1; fi{cleanup}";
        var info = new ProcessStartInfo("setsid", ["sh", "-c", $"({script}) </dev/null >/dev/null 2>&1 &"])
        {
            UseShellExecute = false,
        };
        using var process = Process.Start(info);
        process?.WaitForExit();
    }

    private static string Seconds(TimeSpan t) => ((int)t.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
