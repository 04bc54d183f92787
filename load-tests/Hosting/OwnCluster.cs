
namespace Fashionistas.LoadTests.Hosting;

/// <summary>
/// <c>--nodes N</c>: N server processes (web + silo each) forming one Orleans cluster over ADO.NET membership in one
/// PostgreSQL: the first is an <see cref="OwnServer"/> with its throw-away embedded database, the others join it
/// through its connection string with the same admin, signing key and cluster id. Disposing stops them all.
/// </summary>
public sealed class OwnCluster : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Connections all nodes together may open: the embedded PostgreSQL allows 100 (max_connections), and the run's
    /// verification and a few superuser slots need some. Each node gets its share (shared pool plus its inventory pool).
    /// </summary>
    private const int ConnectionBudget = 80;

    private const int InventoryPoolSize = 10;

    private readonly List<ServerProcess> _joined;

    private OwnCluster(OwnServer first, List<ServerProcess> joined)
    {
        First = first;
        _joined = joined;
    }

    public OwnServer First { get; }

    /// <summary>Every node's address, the first node's first.</summary>
    public IReadOnlyList<Uri> Nodes => [First.BaseAddress, .. _joined.Select(p => p.BaseAddress)];

    public LoadTarget Target => new(First.BaseAddress, OwnServer.AdminEmail, First.AdminPassword, First.ConnectionString,
        First.SigningKey, First.Process.ProcessId, Nodes);

    public static async Task<OwnCluster> StartAsync(int nodes, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes, 1);
        ArgumentNullException.ThrowIfNull(log);
        var cluster = new Dictionary<string, string>
        {
            ["Orleans__Clustering"] = "adonet",
            ["Orleans__ClusterId"] = "load-" + Guid.NewGuid().ToString("N")[..8],
            ["Orleans__AdvertisedIP"] = "127.0.0.1",
            ["Postgres__MaxPoolSize"] = SharedPoolSize(nodes).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Postgres__InventoryMaxPoolSize"] = InventoryPoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var first = await OwnServer.StartAsync(log, cluster, cancellationToken);
        var joined = new List<ServerProcess>();
        var result = new OwnCluster(first, joined);
        try
        {
            var environment = first.Environment
                .Where(e => e.Key != "Postgres__DataDirectory")
                .ToDictionary(e => e.Key, e => e.Value);
            // A configured connection string brings its own pool size (Npgsql's default is 100): give it the same share.
            environment["ConnectionStrings__Postgres"] = new Npgsql.NpgsqlConnectionStringBuilder(first.ConnectionString)
            {
                MaxPoolSize = SharedPoolSize(nodes),
            }.ConnectionString;
            for (var i = 1; i < nodes; i++)
            {
                var process = ServerProcess.Start(environment, ServerProcess.LocateWebDll());
                joined.Add(process);
                await process.WaitUntilReadyAsync(StartTimeout, cancellationToken);
                await log.WriteLineAsync($"Node {i + 1} of {nodes} ready at {process.BaseAddress} (pid {process.ProcessId}).");
            }
        }
        catch
        {
            await result.DisposeAsync();
            throw;
        }

        return result;
    }

    private static int SharedPoolSize(int nodes) => Math.Max(2, (ConnectionBudget / nodes) - InventoryPoolSize);

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _joined)
        {
            await node.DisposeAsync();
        }

        // Last: its process runs the embedded PostgreSQL the others use.
        await First.DisposeAsync();
    }
}
