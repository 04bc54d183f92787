using System.Net;
using System.Net.Http.Json;
using System.Text;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Checkout;

/// <summary>The organizer's guest list CSV: valid tickets with their current owners, check-ins, and no formulas.</summary>
public sealed class GuestListTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly CheckoutDriver shop = new(api);

    [Fact]
    public async Task TheGuestListHasEveryValidTicketWithItsCurrentOwnerAndCheckInAndIsSafeToOpen()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var ana = await api.CreateUserAsync(name: "Ana, la \"diseñadora\"");
        var trickster = await api.CreateUserAsync(name: "=HYPERLINK(\"http://evil.example\")");
        var friend = await api.CreateUserAsync(name: "Beatriz Amiga");
        var (_, anaCodes) = await shop.BuyAsync(ana, show.TicketTypeIds[0], 3);
        var (_, trickCodes) = await shop.BuyAsync(trickster, show.TicketTypeIds[0], 1);
        await shop.CheckInAsync(organizer, show.Id, anaCodes[0]);
        using var anaClient = api.Client(ana.Token);
        using var transfer = await anaClient.PostAsJsonAsync($"/api/tickets/{anaCodes[1]}/transfer", new { email = friend.Email });
        transfer.EnsureSuccessStatusCode();
        using var organizerClient = api.Client(organizer.Token);

        using var response = await organizerClient.GetAsync($"/api/events/{show.Id}/attendees.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("nombre,correo,boleta,codigo,pedido,ingreso,asistente,documento", lines[0]);
        Assert.Equal(4, lines.Length - 1);
        Assert.Contains(lines, l => l.StartsWith("\"Ana, la \"\"diseñadora\"\"\",", StringComparison.Ordinal) && l.Contains(anaCodes[0], StringComparison.Ordinal)
            && System.Text.RegularExpressions.Regex.IsMatch(l, @",\d\d/\d\d/\d{4} \d\d:\d\d,,$"));
        Assert.Contains(lines, l => l.StartsWith("Beatriz Amiga,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(anaCodes[1], StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("\"'=HYPERLINK(", StringComparison.Ordinal) && l.Contains(trickCodes[0], StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith('='));
    }
}
