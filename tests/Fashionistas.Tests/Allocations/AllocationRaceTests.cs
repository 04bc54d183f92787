using System.Net;
using System.Net.Http.Json;
using Fashionistas.Tests.Industry;
using Fashionistas.Tests.Infrastructure;
using Fashionistas.Tests.Live;
using Fashionistas.Tests.Waitlist;

namespace Fashionistas.Tests.Allocations;

/// <summary>
/// Reserved allocations under contention, over real HTTP against real PostgreSQL: the public sale never takes an
/// allocation's seats, an allocation's code never holds more than it has, and a release is buyable and pushed at once.
/// </summary>
public sealed class AllocationRaceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task PublicBuyersRacingForTheLastSeatsNeverTakeAllocatedSeats()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, perBuyerLimit: 1, tierCapacities: 300);
        var tier = show.TicketTypeIds[0];
        var allocation = await api.AllocateAsync(organizer, show.Id, tier, 100, code: "PRENSA-2026", kind: "press");
        var buyers = await BulkUsers.CreateAsync(api, 2_000);

        var answers = await api.RaceAsync(buyers, tier);

        Assert.Equal(200, answers.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(1_800, answers.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(200, await api.PublicSeatsAsync(tier));
        Assert.Equal((200, 0, 100, 300), await api.CountersAsync(tier));
        Assert.Equal((100, 0, 0, 0L), await api.AllocationRowAsync(allocation));
    }

    [Fact]
    public async Task CodeHoldersAndPublicBuyersRacingTogetherEachGetOnlyTheirOwnSeats()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, perBuyerLimit: 1, tierCapacities: 300);
        var tier = show.TicketTypeIds[0];
        var allocation = await api.AllocateAsync(organizer, show.Id, tier, 100, code: "Amigos-Del-Disenador", kind: "designer");
        var buyers = await BulkUsers.CreateAsync(api, 3_000);

        // Codes are case-insensitive: half the holders type it in lower case.
        var racing = await Task.WhenAll(
            api.RaceAsync(buyers.Take(1_000), tier, "amigos-del-disenador"),
            api.RaceAsync(buyers.Skip(1_000).Take(1_000), tier, "AMIGOS-DEL-DISENADOR"),
            api.RaceAsync(buyers.Skip(2_000), tier));
        var withCode = racing[0].Concat(racing[1]).ToList();
        var publicAnswers = racing[2];

        Assert.Equal(100, withCode.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(1_900, withCode.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(200, publicAnswers.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(800, publicAnswers.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal((100, 100, 0, 100L), await api.AllocationRowAsync(allocation));
        Assert.Equal(200, await api.PublicSeatsAsync(tier));
        Assert.Equal((300, 0, 0, 300), await api.CountersAsync(tier));
    }

    [Fact]
    public async Task HoldsAcrossTiersWithAnAllocationCodeDrawOnlyThatTiersAllocation()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, perBuyerLimit: 1, tierCapacities: [150, 1000]);
        var (front, general) = (show.TicketTypeIds[0], show.TicketTypeIds[1]);
        var allocation = await api.AllocateAsync(organizer, show.Id, front, 50, code: "FILA-1", kind: "sponsor");
        var buyers = await BulkUsers.CreateAsync(api, 800);
        using var client = api.Client();

        async Task<HttpStatusCode> GroupAsync(TestUser buyer)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{show.Id}/holds")
            {
                Content = JsonContent.Create(new { items = new[] { new { ticketTypeId = front, quantity = 1 }, new { ticketTypeId = general, quantity = 1 } }, code = "fila-1" }),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", buyer.Token);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        var groups = Task.WhenAll(buyers.Take(500).Select(GroupAsync));
        var singles = api.RaceAsync(buyers.Skip(500), front);
        await Task.WhenAll(groups, singles);

        Assert.Equal(50, (await groups).Count(s => s == HttpStatusCode.Created));
        Assert.Equal(100, (await singles).Count(s => s == HttpStatusCode.Created));
        Assert.Equal((50, 50, 0, 50L), await api.AllocationRowAsync(allocation));
        Assert.Equal(100, await api.PublicSeatsAsync(front));
        Assert.Equal((150, 0, 0, 150), await api.CountersAsync(front));
        Assert.Equal((50, 0, 0, 1000), await api.CountersAsync(general));
    }

    [Fact]
    public async Task ReleasingAnAllocationMakesItsUnusedSeatsBuyableAndPushesAvailability()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var tier = show.TicketTypeIds[0];
        var allocation = await api.AllocateAsync(organizer, show.Id, tier, 4, code: "VIP-4");
        var guest = await api.CreateUserAsync();
        using var guestClient = api.Client(guest.Token);
        using (var held = await guestClient.PostAsJsonAsync($"/api/ticket-types/{tier}/holds", new { quantity = 1, code = "vip-4" }))
        {
            Assert.Equal(HttpStatusCode.Created, held.StatusCode);
        }

        var buyer = await api.CreateUserAsync();
        using var client = api.Client(buyer.Token);
        using (var all = await client.PostAsJsonAsync($"/api/ticket-types/{tier}/holds", new { quantity = 6 }))
        {
            Assert.Equal(HttpStatusCode.Created, all.StatusCode);
        }

        using (var refused = await client.PostAsJsonAsync($"/api/ticket-types/{tier}/holds", new { quantity = 1 }))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        }

        await using var hub = await LiveHubConnection.ConnectAsync(new Uri(api.BaseAddress, "/hubs/live"));
        await hub.InvokeAsync("JoinEvent", show.Id);
        Assert.NotNull(await hub.WaitForAsync("availability", a => IsAvailable(a, tier, 0), Wait));

        var released = await api.SendAsync(organizer.Token, HttpMethod.Post, $"/api/events/{show.Id}/allocations/{allocation}/release");

        Assert.Equal(1, released.GetProperty("quantity").GetInt32());
        Assert.Equal(0, released.GetProperty("remaining").GetInt32());
        Assert.NotNull(await hub.WaitForAsync("availability", a => IsAvailable(a, tier, 3), Wait));
        using (var bought = await client.PostAsJsonAsync($"/api/ticket-types/{tier}/holds", new { quantity = 3 }))
        {
            Assert.Equal(HttpStatusCode.Created, bought.StatusCode);
        }

        Assert.Equal((10, 0, 0, 10), await api.CountersAsync(tier));
        Assert.Equal((1, 1, 0, 1L), await api.AllocationRowAsync(allocation));
        using var afterRelease = await guestClient.PostAsJsonAsync($"/api/ticket-types/{tier}/holds", new { quantity = 1, code = "VIP-4" });
        Assert.Equal(HttpStatusCode.Conflict, afterRelease.StatusCode);
    }

    private static bool IsAvailable(System.Text.Json.JsonElement message, Guid tier, int available) =>
        message.GetProperty("ticketTypeId").GetGuid() == tier && message.GetProperty("available").GetInt32() == available;
}
