using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Api;

public sealed class MyEventsApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AnOrganizerListsOnlyTheirOwnEventsInEveryStatus()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var someoneElse = await api.CreateUserAsync("organizer");
        var onSale = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var others = await api.CreateOnSaleEventAsync(someoneElse, tierCapacities: 10);
        var draftId = await api.CreateDraftEventAsync(organizer, new
        {
            name = "Borrador",
            venue = "Cali",
            startsAt = DateTimeOffset.UtcNow.AddDays(5),
            endsAt = DateTimeOffset.UtcNow.AddDays(5).AddHours(2),
            capacity = 50,
        });
        using var client = api.Client(organizer.Token);

        var mine = await client.GetFromJsonAsync<JsonElement>("/api/me/events");

        var ids = mine.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(2, mine.GetProperty("total").GetInt64());
        Assert.Contains(onSale.Id, ids);
        Assert.Contains(draftId, ids);
        Assert.DoesNotContain(others.Id, ids);
    }

    [Fact]
    public async Task AnAdminListsEveryEventAndAnAttendeeIsForbidden()
    {
        var show = await api.CreateOnSaleEventAsync(await api.CreateUserAsync("organizer"), tierCapacities: 10);
        using var admin = api.Client(await api.AdminTokenAsync());
        using var attendee = api.Client((await api.CreateUserAsync()).Token);

        var all = await admin.GetFromJsonAsync<JsonElement>("/api/me/events?pageSize=100");
        using var refused = await attendee.GetAsync("/api/me/events");
        using var badPage = await admin.GetAsync("/api/me/events?pageSize=1000");

        Assert.Contains(show.Id, all.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
    }
}
