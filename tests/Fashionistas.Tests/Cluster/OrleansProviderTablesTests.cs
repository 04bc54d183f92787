using Fashionistas.Tests.Cluster.Support;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Cluster;

/// <summary>
/// The Orleans ADO.NET providers (10.4.2) run against the tables and queries of our own migration on real PostgreSQL:
/// a silo joins through the membership table, a grain's state goes to the database and comes back, a reminder is kept
/// in its table and fires.
/// </summary>
public sealed class OrleansProviderTablesTests : IAsyncLifetime
{
    private readonly DatabaseFixture _database = new();
    private readonly string _clusterId = "c-" + Guid.NewGuid().ToString("N")[..8];
    private SiloNode? _silo;

    private SiloNode Silo => _silo!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _silo = await SiloNode.StartAsync(_database.ConnectionString, _clusterId);
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task AStartedSiloIsAnActiveMemberInTheMembershipTable()
    {
        await using var command = _database.DataSource.CreateCommand(
            "SELECT count(*) FROM orleans_membership WHERE deployment_id = $1 AND status = 3 AND address = '127.0.0.1'");
        command.Parameters.AddWithValue(_clusterId);

        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task GrainStateWrittenByOneActivationIsReadBackByTheNext()
    {
        var grain = Silo.Grains.GetGrain<IProviderProbeGrain>("state-" + Guid.NewGuid().ToString("N"));
        await grain.SaveAsync("first");
        await grain.SaveAsync("second");

        await grain.DeactivateAsync();
        var reread = await grain.ReadAsync();

        Assert.Equal("second", reread.Note);
        await using var command = _database.DataSource.CreateCommand(
            "SELECT version FROM orleans_grain_state WHERE service_id = $1 AND payload IS NOT NULL");
        command.Parameters.AddWithValue(_clusterId);
        Assert.Equal(2, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AReminderIsKeptInItsTableAndFires()
    {
        var grain = Silo.Grains.GetGrain<IProviderProbeGrain>("reminder-" + Guid.NewGuid().ToString("N"));

        await grain.RemindSoonAsync(TimeSpan.FromSeconds(1));

        await using var command = _database.DataSource.CreateCommand(
            "SELECT count(*) FROM orleans_reminders WHERE service_id = $1 AND reminder_name = $2 AND period_ms = 60000");
        command.Parameters.AddWithValue(_clusterId);
        command.Parameters.AddWithValue(ProviderProbeGrain.ReminderName);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
        Assert.True(
            await Eventually.TrueAsync(async () => (await grain.ReadAsync()).RemindersReceived > 0, TimeSpan.FromSeconds(30)),
            "the reminder did not fire");
    }
}
