using System.Net;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;
using Fashionistas.Tests.Waitlist;

namespace Fashionistas.Tests.WaitingRoom;

/// <summary>
/// A flash sale behind a waiting room over real HTTP on real PostgreSQL: 20,000 people join around the opening and are
/// admitted at the configured rate; everything is checked against the database.
/// </summary>
public sealed class WaitingRoomQueueTests(WaitingRoomApiFactory api) : IClassFixture<WaitingRoomApiFactory>
{
    private const int People = 20_000;
    private const int PerMinute = 120_000;
    private readonly WaitingRoomCalls _calls = new(api);

    [Fact]
    public async Task TwentyThousandPeopleAreAdmittedInQueueOrderAtTheConfiguredRateAndNobodyHoldsWithoutAPass()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var sale = await api.CreateOnSaleEventAsync(organizer, perBuyerLimit: 4, eventCapacity: null, 30_000);
        var people = await BulkUsers.CreateAsync(api, People);
        var opensAt = DateTimeOffset.UtcNow.AddSeconds(3);
        await _calls.ConfigureAsync(organizer, sale.Id, opensAt, PerMinute);

        // One person in three tabs, among everyone else joining at once, before and after the opening.
        using var client = _calls.SharedClient();
        var tabs = people[0];
        var tabPlaces = Task.WhenAll(Enumerable.Range(0, 3).Select(_ => WaitingRoomCalls.JoinAsync(client, tabs, sale.Id)));
        // Half join before the opening, the rest once it has passed: both kinds of arrival exist however fast joins go.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 128 };
        await Parallel.ForEachAsync(people.Skip(1).Take(People / 2), parallel,
            async (person, _) => await WaitingRoomCalls.JoinAsync(client, person, sale.Id));
        var untilOpening = opensAt - DateTimeOffset.UtcNow;
        if (untilOpening > TimeSpan.Zero)
        {
            await Task.Delay(untilOpening + TimeSpan.FromMilliseconds(100));
        }

        await Parallel.ForEachAsync(people.Skip(1 + People / 2), parallel,
            async (person, _) => await WaitingRoomCalls.JoinAsync(client, person, sale.Id));
        var threeTabs = await tabPlaces;

        // Nobody holds without a pass while the room is on (queued or not, admitted or not).
        var withoutPass = await Task.WhenAll(people.Take(300).Select(p => WaitingRoomCalls.HoldAsync(client, p, sale.TicketTypeIds[0], pass: null)));
        Assert.All(withoutPass, r =>
        {
            Assert.Equal(HttpStatusCode.Forbidden, r.Status);
            Assert.Equal("application/problem+json", r.ContentType);
            Assert.Equal($"/queue.html?event={sale.Id}", r.Body.GetProperty("queueUrl").GetString());
        });
        Assert.Equal(0, await _calls.HoldsOfAsync(people.Select(p => p.Id)));

        Assert.True(await Eventually.TrueAsync(
            async () => (await _calls.RoomAsync(sale.Id)).AdmittedThrough == People, TimeSpan.FromMinutes(3)),
            "everybody is admitted");
        var entries = await _calls.EntriesAsync(sale.Id);

        // One place per account: three tabs got the same place and one row.
        Assert.Equal(People, entries.Count);
        Assert.Equal(People, entries.Select(e => e.AccountId).Distinct().Count());
        Assert.Single(threeTabs.Select(p => p.GetProperty("position").ToString()).Distinct());
        Assert.Single(entries, e => e.AccountId == tabs.Id);

        // Positions 1..N, admitted in exactly that order (admission times never decrease along the queue).
        Assert.Equal(Enumerable.Range(1, People), entries.Select(e => e.Position!.Value));
        Assert.All(entries, e => Assert.NotNull(e.AdmittedAt));
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.True(entries[i].AdmittedAt >= entries[i - 1].AdmittedAt, $"position {i + 1} was admitted before position {i}");
        }

        // Early arrivals (shuffled) come first; later arrivals follow in the order they arrived.
        var early = entries.Count(e => e.ArrivedAt < opensAt);
        Assert.InRange(early, 1, People - 1);
        Assert.All(entries.Take(early), e => Assert.True(e.ArrivedAt < opensAt));
        var late = entries.Skip(early).ToList();
        for (var i = 1; i < late.Count; i++)
        {
            Assert.True(late[i].ArrivedAt >= late[i - 1].ArrivedAt, $"late arrival at position {early + i + 1} overtook an earlier one");
        }

        // Never faster than configured: between any two admission ticks at most rate x time (+1 for the carried fraction).
        var ticks = entries.GroupBy(e => e.AdmittedAt!.Value).OrderBy(g => g.Key).Select(g => (At: g.Key, Count: g.Count())).ToList();
        var admittedBefore = 0;
        var cumulative = ticks.Select(t => (t.At, Total: admittedBefore += t.Count)).ToList();
        for (var a = 0; a < cumulative.Count; a++)
        {
            for (var b = a + 1; b < cumulative.Count; b++)
            {
                var allowed = PerMinute / 60.0 * (cumulative[b].At - cumulative[a].At).TotalSeconds + 2;
                Assert.True(cumulative[b].Total - cumulative[a].Total <= allowed,
                    $"{cumulative[b].Total - cumulative[a].Total} admitted between {cumulative[a].At:O} and {cumulative[b].At:O}");
            }
        }

        // Admitted: one's own pass holds, another account's pass does not.
        var first = await _calls.MineAsync(people[1], sale.Id);
        Assert.Equal("admitted", first.GetProperty("status").GetString());
        var pass = first.GetProperty("pass").GetString();
        var stolen = await WaitingRoomCalls.HoldAsync(client, people[2], sale.TicketTypeIds[0], pass);
        Assert.Equal(HttpStatusCode.Forbidden, stolen.Status);
        Assert.Equal("notyours", stolen.Body.GetProperty("pass").GetString());
        var forged = await WaitingRoomCalls.HoldAsync(client, people[1], sale.TicketTypeIds[0], pass![..^2] + "AA");
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        var held = await WaitingRoomCalls.HoldAsync(client, people[1], sale.TicketTypeIds[0], pass);
        Assert.Equal(HttpStatusCode.Created, held.Status);
        Assert.Equal(1, await _calls.HoldsOfAsync([people[1].Id, people[2].Id]));

        var view = await _calls.OrganizerViewAsync(organizer, sale.Id);
        Assert.Equal(People, view.GetProperty("admitted").GetInt32());
        Assert.Equal(0, view.GetProperty("waiting").GetInt32());
    }

    [Fact]
    public async Task APlaceNeverMovesBackAndPausingStopsAdmission()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var sale = await api.CreateOnSaleEventAsync(organizer);
        var people = await BulkUsers.CreateAsync(api, 40);
        await _calls.ConfigureAsync(organizer, sale.Id, DateTimeOffset.UtcNow.AddDays(-1), perMinute: 600);
        Assert.Equal(HttpStatusCode.OK, await _calls.PostAsync(organizer, $"/api/events/{sale.Id}/waiting-room/pause"));
        using var client = _calls.SharedClient();
        foreach (var person in people)
        {
            await WaitingRoomCalls.JoinAsync(client, person, sale.Id);
        }

        var last = people[^1];
        var before = await _calls.MineAsync(last, sale.Id);
        Assert.Equal("waiting", before.GetProperty("status").GetString());
        Assert.Equal(40, before.GetProperty("position").GetInt32());
        Assert.Equal(39, before.GetProperty("ahead").GetInt32());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("estimatedAdmissionAt").ValueKind);
        await Task.Delay(300);
        Assert.Equal(0, (await _calls.RoomAsync(sale.Id)).AdmittedThrough);

        Assert.Equal(HttpStatusCode.OK, await _calls.PostAsync(organizer, $"/api/events/{sale.Id}/waiting-room/resume"));
        var ahead = 39;
        while (ahead > 0)
        {
            var now = await _calls.MineAsync(last, sale.Id);
            Assert.Equal(40, now.GetProperty("position").GetInt32());
            var current = now.GetProperty("ahead").ValueKind == JsonValueKind.Null ? 0 : now.GetProperty("ahead").GetInt32();
            Assert.True(current <= ahead, $"{current} ahead after {ahead}");
            ahead = current;
            await Task.Delay(50);
        }

        Assert.True(await Eventually.TrueAsync(
            async () => (await _calls.MineAsync(last, sale.Id)).GetProperty("status").GetString() == "admitted", TimeSpan.FromSeconds(30)));
        Assert.Equal(40, (await WaitingRoomCalls.JoinAsync(client, last, sale.Id)).GetProperty("position").GetInt32());
    }
}
