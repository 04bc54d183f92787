using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Checkout;

/// <summary>Malformed or unauthorized requests to checkout, orders, tickets, check-ins and webhooks: 4xx problem+json, no change.</summary>
public sealed class CheckoutBadInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] CountedTables =
        ["orders", "tickets", "check_ins", "holds", "outbox", "audit_logs", "webhook_events", "idempotency_keys"];

    [Fact]
    public async Task MalformedOrForeignRequestsGetProblemJsonAndChangeNothing()
    {
        var shop = new CheckoutDriver(api);
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var buyer = await api.CreateUserAsync();
        var stranger = await api.CreateUserAsync();
        var (orderId, codes) = await shop.BuyAsync(buyer, show.TicketTypeIds[0], 1);
        var openHold = await shop.HoldAsync(buyer, show.TicketTypeIds[0], 1);
        var (o, b, s) = (organizer.Token, buyer.Token, stranger.Token);
        var unknown = Guid.NewGuid();
        const string UnknownCode = "0123456789ABCDEFGHJKMNPQRS";

        var requests = new List<(string Method, string Path, string? Body, string? Token, string? IdempotencyKey)>
        {
            ("POST", $"/api/holds/{unknown}/checkout", null, b, null),
            ("POST", "/api/holds/not-a-guid/checkout", null, b, null),
            ("POST", $"/api/holds/{openHold}/checkout", null, s, null),
            ("POST", $"/api/holds/{openHold}/checkout", null, null, null),
            ("POST", $"/api/holds/{openHold}/checkout", null, b, new string('k', 101)),
            ("POST", $"/api/holds/{openHold}/checkout", null, b, "with space"),
            ("GET", $"/api/orders/{unknown}", null, b, null),
            ("GET", $"/api/orders/{orderId}", null, s, null),
            ("GET", "/api/me/orders", null, null, null),
            ("POST", $"/api/orders/{orderId}/refund", "{}", o, null),
            ("POST", $"/api/orders/{orderId}/refund", "not json", o, null),
            ("POST", $"/api/orders/{orderId}/refund", $$"""{"reason":"{{new string('r', 2000)}}"}""", o, null),
            ("POST", $"/api/orders/{orderId}/refund", $$"""{"reason":"x","ticketIds":["{{unknown}}"]}""", o, null),
            ("POST", $"/api/orders/{orderId}/refund", """{"reason":"x","ticketIds":["nope"]}""", o, null),
            ("POST", $"/api/orders/{orderId}/refund", """{"reason":"x"}""", b, null),
            ("POST", $"/api/orders/{orderId}/refund", """{"reason":"x"}""", s, null),
            ("POST", $"/api/orders/{unknown}/refund", """{"reason":"x"}""", o, null),
            ("GET", "/api/tickets/garbage/qr.png", null, b, null),
            ("GET", $"/api/tickets/{UnknownCode}/qr.png", null, b, null),
            ("GET", $"/api/tickets/{codes[0]}/qr.png", null, s, null),
            ("POST", $"/api/tickets/{codes[0]}/transfer", "{}", b, null),
            ("POST", $"/api/tickets/{codes[0]}/transfer", """{"email":"not-an-email"}""", b, null),
            ("POST", $"/api/tickets/{codes[0]}/transfer", """{"email":"nobody@fashionistas.test"}""", b, null),
            ("POST", $"/api/tickets/{codes[0]}/transfer", $$"""{"email":"{{buyer.Email}}"}""", b, null),
            ("POST", $"/api/tickets/{codes[0]}/transfer", $$"""{"email":"{{buyer.Email}}"}""", s, null),
            ("POST", $"/api/tickets/{UnknownCode}/transfer", $$"""{"email":"{{stranger.Email}}"}""", b, null),
            ("POST", $"/api/events/{show.Id}/check-ins", "{}", o, null),
            ("POST", $"/api/events/{show.Id}/check-ins", """{"code":"garbage"}""", o, null),
            ("POST", $"/api/events/{show.Id}/check-ins", $$"""{"code":"{{UnknownCode}}"}""", o, null),
            ("POST", $"/api/events/{unknown}/check-ins", $$"""{"code":"{{codes[0]}}"}""", o, null),
            ("POST", $"/api/events/{show.Id}/check-ins", $$"""{"code":"{{codes[0]}}"}""", b, null),
            ("GET", $"/api/events/{unknown}/check-ins/summary", null, o, null),
            ("GET", $"/api/events/{show.Id}/check-ins/summary", null, b, null),
            ("GET", $"/api/events/{show.Id}/orders?status=bogus", null, o, null),
            ("GET", $"/api/events/{show.Id}/orders?search={new string('x', 101)}", null, o, null),
            ("GET", $"/api/events/{show.Id}/orders?pageSize=0", null, o, null),
            ("GET", $"/api/events/{unknown}/orders", null, o, null),
            ("GET", $"/api/events/{unknown}/attendees.csv", null, o, null),
            ("POST", $"/api/events/{show.Id}/staff", "{}", o, null),
            ("POST", $"/api/events/{show.Id}/staff", """{"email":"nobody@fashionistas.test"}""", o, null),
            ("POST", $"/api/events/{show.Id}/staff", $$"""{"email":"{{buyer.Email}}"}""", b, null),
            ("DELETE", $"/api/events/{show.Id}/staff/{unknown}", null, o, null),
            ("GET", $"/api/events/{show.Id}/attendees.csv", null, b, null),
            ("GET", $"/api/events/{show.Id}/orders", null, b, null),
            ("POST", "/api/webhooks/stripe", "{}", null, null),
            ("POST", "/api/webhooks/stripe", "not json", null, null),
        };
        var before = await SnapshotAsync();

        var failures = new List<string>();
        foreach (var (method, path, body, token, key) in requests)
        {
            using var client = api.Client(token);
            using var request = RawJsonRequests.Create(method, path, body);
            if (key is not null)
            {
                request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
            }

            using var response = await client.SendAsync(request);
            if (await ProblemAnswers.DescribeIfNotProblemAsync(response) is { } unexpected)
            {
                failures.Add($"{method} {path} body={body?[..Math.Min(body.Length, 60)]}: {unexpected}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(before, await SnapshotAsync());
        var (scan, _) = await shop.CheckInAsync(organizer, show.Id, codes[0]);
        Assert.Equal(System.Net.HttpStatusCode.OK, scan);
    }

    private async Task<string> SnapshotAsync()
    {
        var parts = await TableCounts.ReadAsync(api.Database.DataSource, CountedTables);

        await using var states = api.Database.DataSource.CreateCommand(
            "SELECT (SELECT string_agg(status || refunded_amount, ',' ORDER BY id) FROM orders) || '|' || (SELECT string_agg(status, ',' ORDER BY id) FROM tickets)");
        parts.Add($"states={await states.ExecuteScalarAsync()}");
        return string.Join("; ", parts);
    }
}
