using Fashionistas.LoadTests.Cli;
using Fashionistas.LoadTests.Hosting;
using Fashionistas.LoadTests.Reporting;
using Fashionistas.LoadTests.Scenarios;
using Npgsql;

namespace Fashionistas.LoadTests.Commands;

/// <summary>
/// The server a command runs against. Without <c>--target</c> our own is started (and removed afterwards); with it,
/// the target must be loopback, <c>--admin-email</c>/<c>--admin-password</c> (or FASHIONISTAS_ADMIN_PASSWORD) sign in
/// as admin, and <c>--connection</c> (loopback too) lets the run verify against its database.
/// </summary>
internal sealed class TargetOptions
{
    public const string Usage =
        "  --target URL            a running server on this machine (default: start our own with a throw-away database)\n" +
        "  --connection STRING     its PostgreSQL, for verification and the baseline (with --target)\n" +
        "  --admin-email EMAIL     admin account on --target (default admin@fashionistas.local)\n" +
        "  --admin-password PASS   its password (or env FASHIONISTAS_ADMIN_PASSWORD)\n" +
        "  --results DIR           where reports go (default load-tests/results)\n" +
        "  --nodes N               start N of our servers as one Orleans cluster (ADO.NET membership, one database),\n" +
        "                          spread requests over them and watch from the last (default 1; not with --target)\n";

    private readonly Uri? _target;
    private readonly string? _connection;
    private readonly string _adminEmail;
    private readonly string? _adminPassword;
    private readonly int _nodes;

    /// <summary>Whether the run starts its own server (or cluster): no <c>--target</c>.</summary>
    public bool StartsOwnServer => _target is null;

    /// <summary>How many of our servers a run starts as one cluster (1 without <c>--nodes</c>).</summary>
    public int Nodes => _nodes;

    public TargetOptions(CommandLine cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        _target = cli.Url("target");
        _connection = cli.Text("connection");
        _adminEmail = cli.Text("admin-email") ?? "admin@fashionistas.local";
        _adminPassword = cli.Text("admin-password") ?? Environment.GetEnvironmentVariable("FASHIONISTAS_ADMIN_PASSWORD");
        ResultsRoot = cli.Text("results") ?? Reporting.ReportWriter.DefaultRoot();
        _nodes = cli.Int("nodes", 1, 1, 5);
        if (_target is not null && _nodes > 1)
        {
            throw new UsageException("--nodes starts our own servers; it does not go with --target.");
        }

        if (_target is null && (_connection is not null || cli.Has("admin-email")))
        {
            throw new UsageException("--connection and --admin-email go with --target; without it our own server is started.");
        }
    }

    public string ResultsRoot { get; }

    /// <summary>The target, and our own server when one was started (dispose it when done).</summary>
    public async Task<(LoadTarget Target, OwnServer? Server)> ResolveAsync(
        TextWriter log, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? serverEnvironment = null)
    {
        if (_target is null)
        {
            var server = await OwnServer.StartAsync(log, serverEnvironment, cancellationToken);
            return (new LoadTarget(server.BaseAddress, OwnServer.AdminEmail, server.AdminPassword, server.ConnectionString, server.SigningKey, server.Process.ProcessId), server);
        }

        await LoopbackGuard.EnsureLoopbackAsync("--target", _target.Host, cancellationToken);
        if (_connection is not null)
        {
            var host = new NpgsqlConnectionStringBuilder(_connection).Host ?? "localhost";
            foreach (var h in host.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                await LoopbackGuard.EnsureLoopbackAsync("--connection", h.Split(':')[0], cancellationToken);
            }
        }

        var password = _adminPassword ?? throw new UsageException("--target needs --admin-password (or FASHIONISTAS_ADMIN_PASSWORD) to set the sale up.");
        return (new LoadTarget(_target, _adminEmail, password, _connection), null);
    }

    /// <summary>Runs <paramref name="drive"/> against the target, stopping our own server (when one was started) afterwards.</summary>
    public async Task<LoadReport> DriveAsync(Func<LoadTarget, Task<LoadReport>> drive, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drive);
        if (_nodes > 1)
        {
            await using var cluster = await OwnCluster.StartAsync(_nodes, log, cancellationToken);
            return await drive(cluster.Target);
        }

        var (target, server) = await ResolveAsync(log, cancellationToken);
        await using (server)
        {
            return await drive(target);
        }
    }
}
