using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Grains.Publishing;
using Fashionistas.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Fashionistas.Tests.Live;

public sealed class LiveHubTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    /// <summary>How long a test waits for a push before failing; the push bound itself is asserted separately.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>The bound from a hold's acknowledgement to the availability push.</summary>
    private static readonly TimeSpan PushBound = TimeSpan.FromMilliseconds(500);

    private Uri HubUrl => new(api.BaseAddress, "/hubs/live");

    [Fact]
    public async Task AClientJoinedToAnEventSeesAvailableDropWithinHalfASecondOfAHoldAndThenTheSellOut()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var tier = show.TicketTypeIds[0];
        await using var hub = await LiveHubConnection.ConnectAsync(HubUrl);
        await hub.InvokeAsync("JoinEvent", show.Id);
        var initial = await hub.WaitForAsync("availability", a => Is(a, tier, available: 10), Wait);
        Assert.NotNull(initial);
        Assert.NotNull(await hub.WaitForAsync("eventStatus", s => s.GetProperty("status").GetString() == "on_sale", Wait));

        var buyer = await api.CreateUserAsync();
        using var client = api.Client(buyer.Token);
        using var hold = await client.PostAsJsonAsync($"/api/ticket-types/{tier}/holds", new { quantity = 4 });
        var acknowledged = Stopwatch.GetTimestamp();
        Assert.Equal(HttpStatusCode.Created, hold.StatusCode);

        var dropped = await hub.WaitForAsync("availability", a => Is(a, tier, available: 6), Wait);
        Assert.NotNull(dropped);
        Assert.Equal(show.Id, dropped.Argument.GetProperty("eventId").GetGuid());
        Assert.Equal(4, dropped.Argument.GetProperty("held").GetInt32());
        Assert.Equal(0, dropped.Argument.GetProperty("sold").GetInt32());
        Assert.Equal(10, dropped.Argument.GetProperty("capacity").GetInt32());

        // The push may even beat the HTTP answer to the client; that counts as no delay.
        var delay = Stopwatch.GetElapsedTime(acknowledged, Math.Max(acknowledged, dropped.ReceivedAt));
        output.WriteLine($"Hold acknowledged -> availability push: {delay.TotalMilliseconds:F1} ms");
        Assert.True(delay <= PushBound, $"The push came {delay.TotalMilliseconds:F0} ms after the hold was acknowledged.");

        using var last = await client.PostAsJsonAsync($"/api/ticket-types/{tier}/holds", new { quantity = 6 });
        Assert.Equal(HttpStatusCode.Created, last.StatusCode);

        var soldOut = await hub.WaitForAsync("eventStatus", s => s.GetProperty("status").GetString() == "sold_out", Wait);
        Assert.NotNull(soldOut);
        Assert.Equal(show.Id, soldOut.Argument.GetProperty("eventId").GetGuid());
        var empty = await hub.WaitForAsync("availability", a => Is(a, tier, available: 0), Wait);
        Assert.NotNull(empty);
        Assert.True(empty.ReceivedAt <= soldOut.ReceivedAt, "The seats that sold the event out are pushed before the status.");
    }

    [Fact]
    public async Task ABurstOfHoldsIsCoalescedAndTheLastPushMatchesTheDatabase()
    {
        const int holds = 200;
        const int buyers = 2;
        const int workersPerBuyer = 4;
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, perBuyerLimit: holds / buyers, tierCapacities: 300);
        var tier = show.TicketTypeIds[0];
        await using var hub = await LiveHubConnection.ConnectAsync(HubUrl);
        await hub.InvokeAsync("JoinEvent", show.Id);
        Assert.NotNull(await hub.WaitForAsync("availability", a => Is(a, tier, available: 300), Wait));

        var clients = new List<HttpClient>();
        for (var b = 0; b < buyers; b++)
        {
            clients.Add(api.Client((await api.CreateUserAsync()).Token));
        }

        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(clients.SelectMany(client => Enumerable.Range(0, workersPerBuyer).Select(async _ =>
        {
            for (var i = 0; i < holds / buyers / workersPerBuyer; i++)
            {
                using var hold = await client.PostAsJsonAsync($"/api/ticket-types/{tier}/holds", new { quantity = 1 });
                Assert.Equal(HttpStatusCode.Created, hold.StatusCode);
            }
        })));
        clients.ForEach(c => c.Dispose());

        var final = await hub.WaitForAsync("availability", a => Is(a, tier, available: 300 - holds), Wait);
        Assert.NotNull(final);
        var elapsed = Stopwatch.GetElapsedTime(started, final.ReceivedAt);
        var pushes = hub.Messages.Where(m => m.Target == "availability" && TicketType(m.Argument) == tier).ToList();
        output.WriteLine($"{holds} holds in {elapsed.TotalMilliseconds:F0} ms -> {pushes.Count} availability messages (one is the join snapshot)");

        // At most one push per 100 ms interval (plus the join snapshot and a partial interval at each end).
        Assert.True(pushes.Count <= (elapsed / TimeSpan.FromMilliseconds(100)) + 3, $"{pushes.Count} pushes in {elapsed.TotalMilliseconds:F0} ms");
        Assert.True(pushes.Count < holds / 4, $"{pushes.Count} pushes for {holds} holds");

        var (capacity, held, sold) = await CountersInDatabaseAsync(tier);
        var newest = pushes[^1].Argument;
        Assert.Equal(capacity - held - sold, newest.GetProperty("available").GetInt32());
        Assert.Equal(held, newest.GetProperty("held").GetInt32());
        Assert.Equal(sold, newest.GetProperty("sold").GetInt32());
        Assert.Equal(holds, held);
    }

    [Fact]
    public async Task TheDashboardIsOnlyForTheEventsOrganizerAndAdmins()
    {
        var owner = await api.CreateUserAsync("organizer");
        var stranger = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(owner, tierCapacities: 10);

        await using var anonymous = await LiveHubConnection.ConnectAsync(HubUrl);
        var refused = await Assert.ThrowsAsync<HubException>(() => anonymous.InvokeAsync("JoinDashboard", show.Id));
        Assert.Contains("Sign in", refused.Message, StringComparison.Ordinal);

        await using var other = await LiveHubConnection.ConnectAsync(HubUrl, stranger.Token);
        refused = await Assert.ThrowsAsync<HubException>(() => other.InvokeAsync("JoinDashboard", show.Id));
        Assert.Contains("do not manage", refused.Message, StringComparison.Ordinal);

        await using var organizer = await LiveHubConnection.ConnectAsync(HubUrl, owner.Token);
        await organizer.InvokeAsync("JoinDashboard", show.Id);
        var first = await organizer.WaitForAsync("dashboard", _ => true, Wait);
        Assert.NotNull(first);
        Assert.Equal(show.Id, first.Argument.GetProperty("eventId").GetGuid());
        Assert.Equal(10, first.Argument.GetProperty("ticketTypes")[0].GetProperty("capacity").GetInt32());
        Assert.Equal(0, first.Argument.GetProperty("soldTotal").GetInt32());
        Assert.Equal(JsonValueKind.Null, first.Argument.GetProperty("checkIns").ValueKind);

        await using var admin = await LiveHubConnection.ConnectAsync(HubUrl, await api.AdminTokenAsync());
        await admin.InvokeAsync("JoinDashboard", show.Id);
        Assert.NotNull(await admin.WaitForAsync("dashboard", d => d.GetProperty("eventId").GetGuid() == show.Id, Wait));
    }

    [Fact]
    public async Task AClientThatCanOnlySendTheTokenInTheQueryStringIsSignedIn()
    {
        var owner = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(owner, tierCapacities: 10);

        await using var organizer = await LiveHubConnection.ConnectAsync(HubUrl, owner.Token, tokenInQuery: true);
        await organizer.InvokeAsync("JoinDashboard", show.Id);

        Assert.NotNull(await organizer.WaitForAsync("dashboard", d => d.GetProperty("eventId").GetGuid() == show.Id, Wait));
    }

    [Fact]
    public async Task TheDashboardFollowsHoldsAndCheckIns()
    {
        var owner = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(owner, tierCapacities: 10);
        await using var organizer = await LiveHubConnection.ConnectAsync(HubUrl, owner.Token);
        await organizer.InvokeAsync("JoinDashboard", show.Id);

        var buyer = await api.CreateUserAsync();
        using var client = api.Client(buyer.Token);
        using var hold = await client.PostAsJsonAsync($"/api/ticket-types/{show.TicketTypeIds[0]}/holds", new { quantity = 3 });
        Assert.Equal(HttpStatusCode.Created, hold.StatusCode);
        var held = await organizer.WaitForAsync("dashboard", d => d.GetProperty("heldTotal").GetInt32() == 3, Wait);
        Assert.NotNull(held);
        Assert.Equal(7, held.Argument.GetProperty("ticketTypes")[0].GetProperty("available").GetInt32());

        api.Services.GetRequiredService<ILiveDashboard>().CheckInsChanged(show.Id, 2);
        Assert.NotNull(await organizer.WaitForAsync("dashboard", d => d.GetProperty("checkIns").ValueKind == JsonValueKind.Number
            && d.GetProperty("checkIns").GetInt32() == 2, Wait));
    }

    [Fact]
    public async Task ADraftEventCannotBeWatchedAnonymouslyButItsOrganizerCan()
    {
        var owner = await api.CreateUserAsync("organizer");
        var draft = await CreateDraftAsync(owner);

        await using var anonymous = await LiveHubConnection.ConnectAsync(HubUrl);
        var refused = await Assert.ThrowsAsync<HubException>(() => anonymous.InvokeAsync("JoinEvent", draft));
        Assert.Contains("No such event", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => anonymous.InvokeAsync("JoinEvent", Guid.NewGuid()));

        var attendee = await api.CreateUserAsync();
        await using var signedIn = await LiveHubConnection.ConnectAsync(HubUrl, attendee.Token);
        await Assert.ThrowsAsync<HubException>(() => signedIn.InvokeAsync("JoinEvent", draft));

        await using var organizer = await LiveHubConnection.ConnectAsync(HubUrl, owner.Token);
        await organizer.InvokeAsync("JoinEvent", draft);
        Assert.NotNull(await organizer.WaitForAsync("eventStatus", s => s.GetProperty("status").GetString() == "draft", Wait));
    }

    private static bool Is(JsonElement availability, Guid ticketTypeId, int available) =>
        TicketType(availability) == ticketTypeId && availability.GetProperty("available").GetInt32() == available;

    private static Guid TicketType(JsonElement availability) => availability.GetProperty("ticketTypeId").GetGuid();

    private async Task<(int Capacity, int Held, int Sold)> CountersInDatabaseAsync(Guid ticketTypeId)
    {
        await using var command = api.Database.DataSource.CreateCommand("SELECT capacity, held, sold FROM ticket_types WHERE id = $1");
        command.Parameters.AddWithValue(ticketTypeId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
    }

    private async Task<Guid> CreateDraftAsync(TestUser organizer)
    {
        using var client = api.Client(organizer.Token);
        var now = DateTimeOffset.UtcNow;
        using var created = await client.PostAsJsonAsync("/api/events", new
        {
            name = "Borrador",
            venue = "Teatro Metropolitano, Medellín",
            startsAt = now.AddDays(20),
            endsAt = now.AddDays(20).AddHours(2),
            capacity = 50,
            description = "Aún no publicado",
        });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
