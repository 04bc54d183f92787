using System.Net.Http.Json;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.MultiTier;

/// <summary>Bad holds across tiers, checkouts and attendee names: 4xx problem+json, nothing held or written.</summary>
public sealed class MultiTierBadInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task BadRequestsAreProblemJsonAndHoldNothing()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: [10, 5]);
        var other = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var (general, vip) = (show.TicketTypeIds[0], show.TicketTypeIds[1]);
        var buyer = await api.CreateUserAsync();
        var shop = new MultiTierDriver(api);
        var groupId = await shop.HeldGroupAsync(buyer, show.Id, (general, 1), (vip, 1));
        var ticketGroup = await shop.HeldGroupAsync(buyer, show.Id, (general, 1));
        var code = (await shop.CheckoutAsync(buyer, ticketGroup)).Body.GetProperty("tickets")[0].GetProperty("code").GetString();
        using var client = api.Client(buyer.Token);
        var hold = $"/api/events/{show.Id}/holds";
        var cases = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Post, hold, null),
            (HttpMethod.Post, hold, new { }),
            (HttpMethod.Post, hold, new { items = Array.Empty<object>() }),
            (HttpMethod.Post, hold, new { items = new object?[] { null } }),
            (HttpMethod.Post, hold, new { items = new[] { new { ticketTypeId = general, quantity = 0 } } }),
            (HttpMethod.Post, hold, new { items = new[] { new { ticketTypeId = general, quantity = 101 } } }),
            (HttpMethod.Post, hold, new { items = new[] { new { ticketTypeId = general, quantity = 1 }, new { ticketTypeId = general, quantity = 2 } } }),
            (HttpMethod.Post, hold, new { items = new[] { new { ticketTypeId = Guid.Empty, quantity = 1 } } }),
            (HttpMethod.Post, hold, new { items = new[] { new { ticketTypeId = other.TicketTypeIds[0], quantity = 1 } } }),
            (HttpMethod.Post, hold, new { items = new[] { new { ticketTypeId = Guid.NewGuid(), quantity = 1 } } }),
            (HttpMethod.Post, $"/api/events/{Guid.NewGuid()}/holds", new { items = new[] { new { ticketTypeId = general, quantity = 1 } } }),
            (HttpMethod.Post, hold, new { items = new[] { new { ticketTypeId = general, quantity = 1 } }, code = new string('x', 65) }),
            (HttpMethod.Post, hold, "not an object"),
            (HttpMethod.Post, $"/api/holds/{groupId}/checkout", new { attendees = new[] { new { ticketTypeId = (Guid?)null, name = "Ana" } } }),
            (HttpMethod.Post, $"/api/holds/{groupId}/checkout", new { attendees = new[] { new { ticketTypeId = (Guid?)other.TicketTypeIds[0], name = "Ana" } } }),
            (HttpMethod.Post, $"/api/holds/{groupId}/checkout", new { attendees = new[] { new { ticketTypeId = (Guid?)general, name = "Ana" }, new { ticketTypeId = (Guid?)general, name = "Eva" } } }),
            (HttpMethod.Post, $"/api/holds/{groupId}/checkout", new { attendees = new[] { new { ticketTypeId = (Guid?)general, name = "  " } } }),
            (HttpMethod.Post, $"/api/holds/{groupId}/checkout", new { attendees = new[] { new { ticketTypeId = (Guid?)general, name = new string('a', 121) } } }),
            (HttpMethod.Post, $"/api/holds/{groupId}/checkout", new { attendees = new[] { new { ticketTypeId = (Guid?)general, name = "Ana", document = "12" } } }),
            (HttpMethod.Post, $"/api/holds/{groupId}/checkout", new { attendees = new[] { new { ticketTypeId = (Guid?)general, name = "Ana", document = "1020<script>" } } }),
            (HttpMethod.Put, $"/api/tickets/{code}/attendee", new { name = "" }),
            (HttpMethod.Put, $"/api/tickets/{code}/attendee", new { name = "Ana\u0007" }),
            (HttpMethod.Put, $"/api/tickets/{code}/attendee", new { name = "Ana", document = "123456789012345678901" }),
            (HttpMethod.Put, $"/api/tickets/{code}/attendee", new { name = "Ana", document = "12 34 ñ" }),
            (HttpMethod.Put, $"/api/tickets/NOT-A-CODE/attendee", new { name = "Ana" }),
        };
        var failures = new List<string>();
        foreach (var (method, path, body) in cases)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await client.SendAsync(request);
            if (await ProblemAnswers.DescribeIfNotProblemAsync(response) is { } wrong)
            {
                failures.Add($"{method} {path} {System.Text.Json.JsonSerializer.Serialize(body)}: {wrong}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(2, await shop.ScalarAsync("SELECT sum(held) FROM ticket_types WHERE event_id = $1", show.Id));
        Assert.Equal(0, await shop.ScalarAsync("SELECT count(*) FROM orders WHERE order_group_id = $1", groupId));
        Assert.Equal(0, await shop.ScalarAsync("SELECT count(*) FROM tickets WHERE code = $1 AND attendee_name IS NOT NULL", code!));
    }
}
