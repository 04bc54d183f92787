using Fashionistas.Tests.Infrastructure;
using Fashionistas.Tests.Waitlist;

namespace Fashionistas.Tests.WaitingRoom;

/// <summary>Places are durable: a server started over the same database after the first stopped gives everyone the same place.</summary>
public sealed class WaitingRoomRestartTests : IAsyncLifetime
{
    private readonly WaitingRoomApiFactory _first = new();
    private WaitingRoomApiFactory? _second;

    public Task InitializeAsync() => _first.InitializeAsync();

    public async Task DisposeAsync()
    {
        if (_second is not null)
        {
            await ((IAsyncLifetime)_second).DisposeAsync();
        }

        await ((IAsyncLifetime)_first).DisposeAsync();
    }

    [Fact]
    public async Task PositionsSurviveARestartOfTheServer()
    {
        var organizer = await _first.CreateUserAsync("organizer");
        var sale = await _first.CreateOnSaleEventAsync(organizer);
        var people = await BulkUsers.CreateAsync(_first, 500);
        var calls = new WaitingRoomCalls(_first);
        var opensAt = DateTimeOffset.UtcNow.AddSeconds(2);
        await calls.ConfigureAsync(organizer, sale.Id, opensAt, perMinute: 60);
        using (var client = calls.SharedClient())
        {
            await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = 64 },
                async (person, _) => await WaitingRoomCalls.JoinAsync(client, person, sale.Id));
        }

        Assert.True(await Eventually.TrueAsync(
            async () => (await calls.EntriesAsync(sale.Id)).All(e => e.Position is not null), TimeSpan.FromSeconds(30)), "the room opened");
        var before = (await calls.EntriesAsync(sale.Id)).ToDictionary(e => e.AccountId, e => e.Position);

        // The first server stops (its database stays); a second one, same tokens, takes over.
        await _first.DisposeAsync();
        _second = new WaitingRoomApiFactory { ConnectionString = _first.Database.ConnectionString, SigningKey = _first.SigningKey };
        await _second.InitializeAsync();
        var again = new WaitingRoomCalls(_second);
        foreach (var person in people.Take(100))
        {
            var mine = await again.MineAsync(person, sale.Id);
            Assert.Equal(before[person.Id], mine.GetProperty("position").GetInt32());
        }

        using (var client = again.SharedClient())
        {
            foreach (var person in people.Skip(100).Take(100))
            {
                Assert.Equal(before[person.Id], (await WaitingRoomCalls.JoinAsync(client, person, sale.Id)).GetProperty("position").GetInt32());
            }
        }

        var after = (await calls.EntriesAsync(sale.Id)).ToDictionary(e => e.AccountId, e => e.Position);
        Assert.Equal(before, after);
    }
}
