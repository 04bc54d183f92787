using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Fashionistas.Tests.Checkout;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.CheckIns;

/// <summary>Door staff check tickets in at their event only, and only while they are on its staff.</summary>
public sealed class DoorStaffTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly CheckoutDriver shop = new(api);

    [Fact]
    public async Task StaffAddedByEmailCheckInAtTheirEventOnlyUntilRemoved()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var otherShow = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var doorman = await api.CreateUserAsync(name: "Portero Uno");
        var (_, codes) = await shop.BuyAsync(await api.CreateUserAsync(), show.TicketTypeIds[0], 3);
        var (_, otherCodes) = await shop.BuyAsync(await api.CreateUserAsync(), otherShow.TicketTypeIds[0], 1);
        using var owner = api.Client(organizer.Token);
        using var door = api.Client(doorman.Token);

        var (before, _) = await shop.CheckInAsync(doorman, show.Id, codes[0]);
        using var added = await owner.PostAsJsonAsync($"/api/events/{show.Id}/staff", new { email = doorman.Email.ToUpperInvariant() });
        using var addedAgain = await owner.PostAsJsonAsync($"/api/events/{show.Id}/staff", new { email = doorman.Email });
        var (admitted, body) = await shop.CheckInAsync(doorman, show.Id, codes[0]);
        using var summary = await door.GetAsync($"/api/events/{show.Id}/check-ins/summary");
        var (elsewhere, _) = await shop.CheckInAsync(doorman, otherShow.Id, otherCodes[0]);
        using var orders = await door.GetAsync($"/api/events/{show.Id}/orders");
        var mine = await door.GetFromJsonAsync<JsonElement>("/api/me/door-events");
        var staff = await owner.GetFromJsonAsync<JsonElement>($"/api/events/{show.Id}/staff");
        using var removed = await owner.DeleteAsync($"/api/events/{show.Id}/staff/{doorman.Id}");
        using var removedAgain = await owner.DeleteAsync($"/api/events/{show.Id}/staff/{doorman.Id}");
        var (after, _) = await shop.CheckInAsync(doorman, show.Id, codes[1]);

        Assert.Equal(HttpStatusCode.Forbidden, before);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, addedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admitted);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("attendeeName").GetString()));
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere);
        Assert.Equal(HttpStatusCode.Forbidden, orders.StatusCode);
        Assert.Equal([show.Id], mine.EnumerateArray().Select(e => e.GetProperty("eventId").GetGuid()));
        Assert.Equal(["Portero Uno"], staff.EnumerateArray().Select(m => m.GetProperty("displayName").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, after);
        await using var connection = await api.Database.DataSource.OpenConnectionAsync();
        Assert.Equal(["event.staff_added", "event.staff_removed"], await connection.QueryAsync<string>(
            "SELECT action FROM audit_logs WHERE entity_id = @id AND action LIKE 'event.staff%' ORDER BY id", new { id = show.Id }));
        Assert.Equal(doorman.Id, await connection.ExecuteScalarAsync<Guid>(
            "SELECT scanned_by FROM check_ins c JOIN tickets t ON t.id = c.ticket_id WHERE t.code = @code", new { code = codes[0] }));
    }

    [Fact]
    public async Task AddingSomeoneWithoutAnAccountIsANotFoundProblem()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        using var owner = api.Client(organizer.Token);

        using var unknown = await owner.PostAsJsonAsync($"/api/events/{show.Id}/staff", new { email = "nadie@fashionistas.test" });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await owner.GetFromJsonAsync<JsonElement[]>($"/api/events/{show.Id}/staff") ?? []);
    }
}
