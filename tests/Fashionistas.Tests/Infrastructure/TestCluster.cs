using Fashionistas.Silo.Persistence.Embedded;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fashionistas.Tests.Infrastructure;

/// <summary>
/// One throw-away PostgreSQL cluster per test run, started on first use with the same mechanism as the server's
/// embedded default. It is stopped and deleted when the test process exits; a watchdog does the same if the process
/// is killed or cancelled.
/// </summary>
public static class TestCluster
{
    private static readonly Lazy<Task<EmbeddedPostgresCluster>> Cluster = new(StartAsync);

    public static Task<EmbeddedPostgresCluster> GetAsync() => Cluster.Value;

    /// <summary>Where throw-away clusters of this run live (under the system temp folder).</summary>
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "fashionistas-tests");

    /// <summary>Settings for a throw-away cluster in a new folder, removed when stopped or when this process dies.</summary>
    public static EmbeddedPostgresSettings ThrowAwaySettings(int? watchProcessId = null) =>
        new(Path.Combine(Root, Guid.NewGuid().ToString("N")))
        {
            WatchProcessId = watchProcessId ?? Environment.ProcessId,
            DeleteOnStop = true,
            // Durability of the test cluster itself is not under test (the app is killed in crash tests, never
            // PostgreSQL), so trade it for speed on CI's two cores.
            ServerSettings = new Dictionary<string, string>
            {
                ["fsync"] = "off",
                ["full_page_writes"] = "off",
                ["max_connections"] = "400",
            },
        };

    private static async Task<EmbeddedPostgresCluster> StartAsync()
    {
        var cluster = new EmbeddedPostgresCluster(ThrowAwaySettings(), NullLogger.Instance);
        await cluster.StartAsync("postgres", CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return cluster;
    }
}
