using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fashionistas.Tests.Checkout;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.MultiTier;

/// <summary>Attendee names (and document numbers when the event asks) from checkout and later edits to the door and the guest list.</summary>
public sealed class AttendeeNameTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly MultiTierDriver shop = new(api);

    [Fact]
    public async Task NamesGivenAtCheckoutAndEditedLaterShowAtTheDoorAndInTheGuestList()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: [10, 5]);
        var (general, vip) = (show.TicketTypeIds[0], show.TicketTypeIds[1]);
        using var organizerClient = api.Client(organizer.Token);
        using (var ask = await organizerClient.PutAsJsonAsync($"/api/events/{show.Id}/attendee-settings", new { documentRequired = true }))
        {
            Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        }

        var buyer = await api.CreateUserAsync(name: "Compradora");
        var groupId = await shop.HeldGroupAsync(buyer, show.Id, (general, 1), (vip, 1));

        var (missing, missingProblem) = await shop.CheckoutAsync(buyer, groupId, new { attendees = new[] { new { ticketTypeId = general, name = "Laura Gómez" } } });
        var (paid, _) = await shop.CheckoutAsync(buyer, groupId, new
        {
            attendees = new[]
            {
                new { ticketTypeId = general, name = "Laura Gómez", document = "1.020.304.050" },
                new { ticketTypeId = vip, name = "=HYPERLINK(\"x\")", document = "pa-123456" },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Contains("document", missingProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, paid);
        using var buyerClient = api.Client(buyer.Token);
        var mine = await buyerClient.GetFromJsonAsync<JsonElement>("/api/me/tickets");
        var laura = mine.EnumerateArray().Single(t => t.GetProperty("ticketTypeId").GetGuid() == general);
        Assert.Equal("Laura Gómez", laura.GetProperty("attendeeName").GetString());
        Assert.Equal("1020304050", laura.GetProperty("attendeeDocument").GetString());
        var vipCode = mine.EnumerateArray().Single(t => t.GetProperty("ticketTypeId").GetGuid() == vip).GetProperty("code").GetString()!;

        // Later, the owner renames the VIP ticket; without the document the event asks for, it is refused.
        using var noDocument = await buyerClient.PutAsJsonAsync($"/api/tickets/{vipCode}/attendee", new { name = "Sofía Ríos" });
        using var renamed = await buyerClient.PutAsJsonAsync($"/api/tickets/{vipCode}/attendee", new { name = "Sofía Ríos", document = "E-55667788" });
        Assert.Equal(HttpStatusCode.BadRequest, noDocument.StatusCode);
        Assert.Equal("application/problem+json", noDocument.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        var (doorStatus, door) = await new CheckoutDriver(api).CheckInAsync(organizer, show.Id, vipCode);
        Assert.Equal(HttpStatusCode.OK, doorStatus);
        Assert.Equal("Sofía Ríos", door.GetProperty("attendeeName").GetString());
        Assert.Equal("E55667788", door.GetProperty("attendeeDocument").GetString());
        Assert.Equal("Compradora", door.GetProperty("ownerName").GetString());

        using var csv = await organizerClient.GetAsync($"/api/events/{show.Id}/attendees.csv");
        var lines = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.EndsWith(",Laura Gómez,1020304050", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(",Sofía Ríos,E55667788", StringComparison.Ordinal) && l.Contains(vipCode, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(",=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFormulaNameIsDefusedInTheGuestListAndNamesAreOptionalWhenNoDocumentIsAsked()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: [10, 5]);
        var buyer = await api.CreateUserAsync();
        var groupId = await shop.HeldGroupAsync(buyer, show.Id, (show.TicketTypeIds[0], 1), (show.TicketTypeIds[1], 1));

        var (status, body) = await shop.CheckoutAsync(buyer, groupId, new { attendees = new[] { new { ticketTypeId = show.TicketTypeIds[1], name = "=cmd|' /C calc'!A0" } } });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body.GetProperty("tickets").GetArrayLength());
        using var organizerClient = api.Client(organizer.Token);
        var text = await organizerClient.GetStringAsync($"/api/events/{show.Id}/attendees.csv");
        Assert.Contains(",'=cmd|' /C calc'!A0,", text, StringComparison.Ordinal);
    }
}
