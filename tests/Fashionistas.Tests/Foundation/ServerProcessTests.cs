using Fashionistas.LoadTests.Hosting;
using Fashionistas.Silo.Persistence;
using Fashionistas.Tests.Infrastructure;
using Npgsql;

namespace Fashionistas.Tests.Foundation;

/// <summary>The server as a user runs it: a real process, its own PostgreSQL, real signals.</summary>
public sealed class ServerProcessTests
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task TheServerRunsItsOwnPostgresStopsItOnSigtermAndKeepsDataAcrossRestarts()
    {
        var dataDirectory = Path.Combine(TestCluster.Root, Guid.NewGuid().ToString("N"), "postgres");
        var environment = new Dictionary<string, string> { ["Postgres__DataDirectory"] = dataDirectory };
        try
        {
            await using (var first = ServerProcess.Start(CallerEnvironment.Only(environment)))
            {
                await first.WaitUntilReadyAsync(Ready);
                Assert.Contains("Generated password (shown only this once)", first.Output, StringComparison.Ordinal);
                Assert.Equal(1L, await CountEventsAsync(dataDirectory));

                await first.StopAsync(TimeSpan.FromSeconds(60));
                Assert.False(File.Exists(Path.Combine(dataDirectory, "postmaster.pid")), "PostgreSQL is still running");
            }

            await using var second = ServerProcess.Start(CallerEnvironment.Only(environment));
            await second.WaitUntilReadyAsync(Ready);
            Assert.DoesNotContain("Generated password", second.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Seeded demo event", second.Output, StringComparison.Ordinal);
            Assert.Equal(1L, await CountEventsAsync(dataDirectory));
            await second.StopAsync(TimeSpan.FromSeconds(60));
            Assert.False(File.Exists(Path.Combine(dataDirectory, "postmaster.pid")), "PostgreSQL is still running");
        }
        finally
        {
            var root = Path.GetDirectoryName(dataDirectory)!;
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Fact]
    public async Task TwoServersStartedAtOnceOnOneDatabaseBothComeUpAndMigrateOnce()
    {
        var database = new DatabaseFixture { ApplyMigrations = false };
        await database.InitializeAsync();
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["ConnectionStrings__Postgres"] = database.ConnectionString,
                ["Fashionistas__Admin__Password"] = "a-Strong-test-password-1",
            };
            await using var first = ServerProcess.Start(CallerEnvironment.Only(environment));
            await using var second = ServerProcess.Start(CallerEnvironment.Only(environment));

            await Task.WhenAll(first.WaitUntilReadyAsync(Ready), second.WaitUntilReadyAsync(Ready));

            Assert.Equal((long)MigrationRunner.All.Count, await ScalarAsync(database.DataSource, "SELECT count(*) FROM schema_migrations"));
            var applyLines = (first.Output + "\n" + second.Output).Split('\n').Count(l => l.Contains("Applied migration", StringComparison.Ordinal));
            Assert.Equal(MigrationRunner.All.Count, applyLines);
            Assert.Equal(1L, await ScalarAsync(database.DataSource, "SELECT count(*) FROM events"));
            Assert.Equal(1L, await ScalarAsync(database.DataSource, "SELECT count(*) FROM user_roles WHERE role = 'admin'"));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static async Task<long> CountEventsAsync(string dataDirectory)
    {
        // The server's cluster: its port is line 4 of postmaster.pid, its password beside the data folder.
        var port = int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).ElementAt(3), System.Globalization.CultureInfo.InvariantCulture);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Password = (await File.ReadAllTextAsync(dataDirectory + ".password")).Trim(),
            Database = "fashionistas",
            Pooling = false,
        };
        await using var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        return await ScalarAsync(dataSource, "SELECT count(*) FROM events");
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
