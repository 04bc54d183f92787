using System.Diagnostics;
using Fashionistas.Silo.Persistence.Embedded;
using Fashionistas.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Fashionistas.Tests.Foundation;

public sealed class EmbeddedPostgresTests
{
    [Fact]
    public async Task DataSurvivesAStopAndAStart()
    {
        var settings = TestCluster.ThrowAwaySettings();
        await using var cluster = new EmbeddedPostgresCluster(settings, NullLogger.Instance);
        var connectionString = await cluster.StartAsync("keep", CancellationToken.None);
        await ExecuteAsync(connectionString, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
        await cluster.StopAsync();

        await using var again = new EmbeddedPostgresCluster(settings, NullLogger.Instance);
        var reopened = await again.StartAsync("keep", CancellationToken.None);

        await using var connection = new NpgsqlConnection(reopened);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT v FROM kept", connection);
        Assert.Equal("still here", await read.ExecuteScalarAsync());
    }

    [Fact]
    public async Task TheClusterListensOnLoopbackOnlyWithAPassword()
    {
        var cluster = await TestCluster.GetAsync();
        var noPassword = new NpgsqlConnectionStringBuilder(cluster.ConnectionString("postgres")) { Password = "wrong" };

        await using var connection = new NpgsqlConnection(noPassword.ConnectionString);
        await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
        await using var ok = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await ok.OpenAsync();
        await using var listen = new NpgsqlCommand("SHOW listen_addresses", ok);
        Assert.Equal("127.0.0.1", await listen.ExecuteScalarAsync());
    }

    [Fact]
    public async Task MissingBinariesGiveOneClearError()
    {
        var settings = TestCluster.ThrowAwaySettings() with { BinDirectory = "/nonexistent/postgresql/bin" };
        await using var cluster = new EmbeddedPostgresCluster(settings, NullLogger.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.StartAsync("x", CancellationToken.None));

        Assert.Contains("apt-get install postgresql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AThrowAwayClusterIsRemovedWhenItsOwnerIsKilled()
    {
        using var owner = Process.Start("sleep", "600");
        var settings = TestCluster.ThrowAwaySettings(watchProcessId: owner.Id);
        var cluster = new EmbeddedPostgresCluster(settings, NullLogger.Instance);
        var connectionString = await cluster.StartAsync("doomed", CancellationToken.None);
        Assert.True(Directory.Exists(cluster.DataDirectory));

        owner.Kill();

        var gone = await Eventually.TrueAsync(() => !Directory.Exists(cluster.DataDirectory), TimeSpan.FromSeconds(60));
        Assert.True(gone, "the watchdog did not remove the cluster's folder");
        await using var connection = new NpgsqlConnection(connectionString);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
