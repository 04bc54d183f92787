using Fashionistas.Grains.Runtime;
using Fashionistas.Silo.Runtime;
using Fashionistas.Tests.Infrastructure;
using Fashionistas.Tests.Runtime.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Fashionistas.Tests.Runtime;

public sealed class PersistentStateTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task StateSurvivesIdleDeactivationAndReactivation()
    {
        await using var silo = await StartSiloAsync();
        var tally = silo.Get<ITallyGrain>(Guid.NewGuid());
        await tally.Add(3, "first");
        Assert.Equal(7, await tally.Add(4, "second"));

        silo.Time.Advance(IdleTimeout + TimeSpan.FromMinutes(1));
        await silo.Probe.WaitForDeactivationAsync();

        Assert.Equal(new TallyState { Count = 7, LastNote = "second" }, await tally.Get());
        Assert.True(await tally.Exists());
        Assert.Equal(2, silo.Probe.Activations);
    }

    [Fact]
    public async Task StateSurvivesARestartOfTheRuntime()
    {
        var key = Guid.NewGuid();
        await using (var before = await StartSiloAsync())
        {
            await before.Get<ITallyGrain>(key).Add(5, "before restart");
        }

        await using var after = await StartSiloAsync();

        Assert.Equal(5, (await after.Get<ITallyGrain>(key).Get()).Count);
    }

    [Fact]
    public async Task StateIsOneRowKeyedByGrainClassAndKey()
    {
        await using var silo = await StartSiloAsync();
        var key = Guid.NewGuid();
        await silo.Get<ITallyGrain>(key).Add(2, "a");
        await silo.Get<ITallyGrain>(key).Add(2, "b");

        await using var command = database.DataSource.CreateCommand(
            "SELECT etag, data->>'count' FROM grain_state WHERE grain_type = 'TallyGrain' AND grain_key = $1");
        command.Parameters.AddWithValue(key);
        await using var reader = await command.ExecuteReaderAsync();

        Assert.True(await reader.ReadAsync());
        Assert.Equal(2, reader.GetInt32(0));
        Assert.Equal("4", reader.GetString(1));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task AWriteFromAStaleCopyIsRejectedByTheEtag()
    {
        // Two runtimes on one database stand for two nodes that both activated the key.
        await using var first = await StartSiloAsync();
        await using var second = await StartSiloAsync();
        var key = Guid.NewGuid();
        await first.Get<ITallyGrain>(key).Add(1, "first node");
        Assert.Equal(1, (await second.Get<ITallyGrain>(key).Get()).Count);
        await first.Get<ITallyGrain>(key).Add(1, "first node again");

        await Assert.ThrowsAsync<InconsistentStateException>(() => second.Get<ITallyGrain>(key).Add(1, "stale"));

        Assert.Equal(new TallyState { Count = 2, LastNote = "first node again" }, await first.Get<ITallyGrain>(key).Get());
    }

    [Fact]
    public async Task ClearedStateStartsAgainFromEmpty()
    {
        await using var silo = await StartSiloAsync();
        var tally = silo.Get<ITallyGrain>(Guid.NewGuid());
        await tally.Add(9, "to be cleared");

        await tally.Clear();

        Assert.False(await tally.Exists());
        Assert.Equal(1, await tally.Add(1, "fresh"));
    }

    private Task<TestSilo> StartSiloAsync() => TestSilo.StartAsync(
        o => o.IdleTimeout = IdleTimeout,
        services => services.AddSingleton(database.DataSource).AddGrain<ITallyGrain, TallyGrain>());
}
