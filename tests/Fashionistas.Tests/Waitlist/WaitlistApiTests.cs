using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Checkout;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Waitlist;

/// <summary>Joining, seeing and leaving the waitlist of a sold-out ticket type, over real HTTP.</summary>
public sealed class WaitlistApiTests(WaitlistApiFactory api) : IClassFixture<WaitlistApiFactory>
{
    private readonly CheckoutDriver shop = new(api);
    private readonly WaitlistCalls waitlist = new(api);

    [Fact]
    public async Task AUserJoinsASoldOutTierAndJoiningAgainKeepsTheFirstPosition()
    {
        var tier = await SoldOutTierAsync();
        var first = await api.CreateUserAsync();
        var second = await api.CreateUserAsync();

        var (status, joined) = await waitlist.JoinAsync(first, tier);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(tier, joined.GetProperty("ticketTypeId").GetGuid());
        Assert.Equal(1, joined.GetProperty("position").GetInt32());
        Assert.Equal(2, await waitlist.JoinedPositionAsync(second, tier));

        var (againStatus, again) = await waitlist.JoinAsync(first, tier);

        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Equal(1, again.GetProperty("position").GetInt32());
        Assert.Equal(joined.GetProperty("joinedAt").GetDateTimeOffset(), again.GetProperty("joinedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task JoiningWhileSeatsAreAvailableIsRefusedWithBuyInstead()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 5);
        await shop.HoldAsync(await api.CreateUserAsync(), show.TicketTypeIds[0], 2);

        var (status, problem) = await waitlist.JoinAsync(await api.CreateUserAsync(), show.TicketTypeIds[0]);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("Seats are available: buy instead.", problem.GetProperty("title").GetString());
        Assert.Equal(3, problem.GetProperty("available").GetInt32());
    }

    [Fact]
    public async Task LeavingMovesTheOthersUpAndLeavingAgainIsNotFound()
    {
        var tier = await SoldOutTierAsync();
        var (first, second, third) = (await api.CreateUserAsync(), await api.CreateUserAsync(), await api.CreateUserAsync());
        foreach (var user in new[] { first, second, third })
        {
            await waitlist.JoinedPositionAsync(user, tier);
        }

        Assert.Equal(HttpStatusCode.NoContent, await waitlist.LeaveAsync(second, tier));

        var (status, place) = await waitlist.PlaceAsync(third, tier);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, place.GetProperty("position").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, await waitlist.LeaveAsync(second, tier));
        Assert.Equal(HttpStatusCode.NotFound, (await waitlist.PlaceAsync(second, tier)).Status);
        Assert.Equal(3, await waitlist.JoinedPositionAsync(second, tier));
    }

    [Fact]
    public async Task MyWaitlistListsTheEventAndTierNamesWithMyPosition()
    {
        var tier = await SoldOutTierAsync();
        var user = await api.CreateUserAsync();
        await waitlist.JoinedPositionAsync(await api.CreateUserAsync(), tier);
        await waitlist.JoinedPositionAsync(user, tier);

        var mine = await waitlist.MineAsync(user);

        var entry = Assert.Single(mine.EnumerateArray());
        Assert.Equal(tier, entry.GetProperty("ticketTypeId").GetGuid());
        Assert.Equal("Tier 1", entry.GetProperty("ticketTypeName").GetString());
        Assert.Equal("Desfile de prueba", entry.GetProperty("eventName").GetString());
        Assert.Equal("sold_out", entry.GetProperty("eventStatus").GetString());
        Assert.Equal(2, entry.GetProperty("position").GetInt32());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("notifiedAt").ValueKind);
        Assert.Empty((await waitlist.MineAsync(await api.CreateUserAsync())).EnumerateArray());
    }

    [Fact]
    public async Task TheOrganizerSeesHowManyWaitPerTierAndOtherOrganizersDoNot()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: [1, 5]);
        await shop.HoldAsync(await api.CreateUserAsync(), show.TicketTypeIds[0], 1);
        var (first, second) = (await api.CreateUserAsync(), await api.CreateUserAsync());
        await waitlist.JoinedPositionAsync(first, show.TicketTypeIds[0]);
        await waitlist.JoinedPositionAsync(second, show.TicketTypeIds[0]);
        Assert.Equal(HttpStatusCode.NoContent, await waitlist.LeaveAsync(first, show.TicketTypeIds[0]));

        using var desk = api.Client(organizer.Token);
        var tiers = (await desk.GetFromJsonAsync<JsonElement>($"/api/events/{show.Id}/waitlists")).EnumerateArray().ToList();

        Assert.Equal(show.TicketTypeIds, tiers.Select(t => t.GetProperty("ticketTypeId").GetGuid()));
        Assert.Equal(["Tier 1", "Tier 2"], tiers.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal([1, 0], tiers.Select(t => t.GetProperty("waiting").GetInt32()));
        Assert.Equal([0, 0], tiers.Select(t => t.GetProperty("notified").GetInt32()));

        using var rival = api.Client((await api.CreateUserAsync("organizer")).Token);
        using var refused = await rival.GetAsync($"/api/events/{show.Id}/waitlists");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null(await ProblemAnswers.DescribeIfNotProblemAsync(refused));
        using var unknown = await desk.GetAsync($"/api/events/{Guid.NewGuid()}/waitlists");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task AnEventThatIsNotOnSaleHasNoWaitlistAndADraftIsInvisible()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var draft = await DraftWithTierAsync(organizer);
        var user = await api.CreateUserAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await waitlist.JoinAsync(user, draft.TicketTypeId)).Status);

        using var admin = api.Client(await api.AdminTokenAsync());
        foreach (var status in new[] { "review", "published" })
        {
            using var step = await admin.PostAsJsonAsync($"/api/events/{draft.EventId}/status", new { status, reason = "test" });
            step.EnsureSuccessStatusCode();
        }

        var (published, problem) = await waitlist.JoinAsync(user, draft.TicketTypeId);
        Assert.Equal(HttpStatusCode.Conflict, published);
        Assert.Equal("The event is not on sale.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task BadRequestsAreProblemsNeverServerErrors()
    {
        var user = await api.CreateUserAsync();
        using var client = api.Client(user.Token);
        using var anonymous = api.Client();
        var tier = await SoldOutTierAsync();

        using var unknown = await client.PostAsync($"/api/ticket-types/{Guid.NewGuid()}/waitlist", null);
        using var notAGuid = await client.PostAsync("/api/ticket-types/not-a-guid/waitlist", null);
        using var leaveUnknown = await client.DeleteAsync($"/api/ticket-types/{Guid.NewGuid()}/waitlist");
        using var withBody = await client.PostAsync($"/api/ticket-types/{Guid.NewGuid()}/waitlist", new StringContent("{oops", System.Text.Encoding.UTF8, "application/json"));

        foreach (var response in new[] { unknown, notAGuid, leaveUnknown, withBody })
        {
            Assert.Null(await ProblemAnswers.DescribeIfNotProblemAsync(response));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var signedOut = await anonymous.PostAsync($"/api/ticket-types/{tier}/waitlist", null);
        using var signedOutMine = await anonymous.GetAsync("/api/me/waitlist");
        using var signedOutLeave = await anonymous.DeleteAsync($"/api/ticket-types/{tier}/waitlist");
        Assert.All([signedOut, signedOutMine, signedOutLeave], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
    }

    [Fact]
    public async Task TwoHundredParallelJoinsGetPositionsOneToTwoHundredAndTheNextIsRefusedAsFull()
    {
        var tier = await SoldOutTierAsync();
        var users = await BulkUsers.CreateAsync(api, WaitlistApiFactory.MaxEntries + 1);

        var positions = await Task.WhenAll(users.Take(WaitlistApiFactory.MaxEntries).Select(u => waitlist.JoinedPositionAsync(u, tier)));

        Assert.Equal(Enumerable.Range(1, WaitlistApiFactory.MaxEntries), positions.Order());
        var (status, problem) = await waitlist.JoinAsync(users[^1], tier);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("The waitlist is full.", problem.GetProperty("title").GetString());
        Assert.Equal(positions[0], await waitlist.JoinedPositionAsync(users[0], tier));
    }

    /// <summary>A one-seat tier of a new on-sale event whose seat is held by someone else.</summary>
    private async Task<Guid> SoldOutTierAsync()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 1);
        await shop.HoldAsync(await api.CreateUserAsync(), show.TicketTypeIds[0], 1);
        return show.TicketTypeIds[0];
    }

    private async Task<(Guid EventId, Guid TicketTypeId)> DraftWithTierAsync(TestUser organizer)
    {
        var now = DateTimeOffset.UtcNow;
        var eventId = await api.CreateDraftEventAsync(organizer, new
        {
            name = "Desfile sin venta",
            venue = "Plaza Mayor, Medellín",
            startsAt = now.AddDays(10),
            endsAt = now.AddDays(10).AddHours(3),
            capacity = 10,
        });
        using var client = api.Client(organizer.Token);
        using var tier = await client.PostAsJsonAsync($"/api/events/{eventId}/ticket-types", new
        {
            name = "General",
            price = 100_000,
            capacity = 5,
            perBuyerLimit = 10,
            salesStart = now.AddDays(-1),
            salesEnd = now.AddDays(9),
        });
        tier.EnsureSuccessStatusCode();
        return (eventId, (await tier.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }
}
