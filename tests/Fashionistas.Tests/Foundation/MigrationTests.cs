using Fashionistas.Silo.Persistence;
using Fashionistas.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Fashionistas.Tests.Foundation;

public sealed class MigrationTests : IAsyncLifetime
{
    private readonly DatabaseFixture _database = new() { ApplyMigrations = false };

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task TwoStartersRacingApplyEachMigrationExactlyOnce()
    {
        await using var first = NpgsqlDataSource.Create(_database.ConnectionString);
        await using var second = NpgsqlDataSource.Create(_database.ConnectionString);

        var results = await Task.WhenAll(
            MigrationRunner.ApplyAsync(first, NullLogger.Instance, CancellationToken.None),
            MigrationRunner.ApplyAsync(second, NullLogger.Instance, CancellationToken.None));

        var applied = results.SelectMany(r => r).ToList();
        Assert.Equal(MigrationRunner.All.Select(m => m.Version), applied.Order(StringComparer.Ordinal));
        Assert.Contains(results, r => r.Count == 0);
        await using var count = first.CreateCommand("SELECT count(*) FROM schema_migrations");
        Assert.Equal((long)MigrationRunner.All.Count, await count.ExecuteScalarAsync());
        Assert.True(await MigrationRunner.IsUpToDateAsync(first, CancellationToken.None));
    }

    [Fact]
    public async Task ASecondStartAppliesNothing()
    {
        await MigrationRunner.ApplyAsync(_database.DataSource, NullLogger.Instance, CancellationToken.None);

        var again = await MigrationRunner.ApplyAsync(_database.DataSource, NullLogger.Instance, CancellationToken.None);

        Assert.Empty(again);
    }

    [Fact]
    public async Task TheDatabaseRefusesOversellEvenIfCodeWereWrong()
    {
        await MigrationRunner.ApplyAsync(_database.DataSource, NullLogger.Instance, CancellationToken.None);
        await using var insert = _database.DataSource.CreateCommand("""
            WITH u AS (INSERT INTO users (email, password_hash, display_name) VALUES ('o@x.co', 'h', 'O') RETURNING id),
                 e AS (INSERT INTO events (organizer_id, name, venue, starts_at, ends_at, capacity)
                       SELECT id, 'E', 'V', now(), now() + interval '1 hour', 10 FROM u RETURNING id)
            INSERT INTO ticket_types (event_id, name, price, capacity, held, sold) SELECT id, 'T', 1, 10, 6, 5 FROM e
            """);

        var error = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());

        Assert.Equal("ticket_types_no_oversell", error.ConstraintName);
    }
}
