using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Allocations;

/// <summary>Malformed or impossible allocation requests: each gets a 4xx problem+json and the database does not change.</summary>
public sealed class AllocationBadInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] CountedTables =
        ["users", "holds", "orders", "tickets", "outbox", "ticket_allocations", "comp_tickets"];

    [Fact]
    public async Task BadAllocationRequestsGetProblemJsonAndChangeNothing()
    {
        var owner = await api.CreateUserAsync("organizer");
        var buyer = await api.CreateUserAsync();
        var show = await api.CreateOnSaleEventAsync(owner, tierCapacities: [10, 5]);
        var (tier, otherTier) = (show.TicketTypeIds[0], show.TicketTypeIds[1]);
        var elsewhere = (await api.CreateOnSaleEventAsync(owner, tierCapacities: 5)).TicketTypeIds[0];
        var allocation = await api.AllocateAsync(owner, show.Id, tier, 2, code: "TAKEN-CODE");
        var o = owner.Token;
        var b = buyer.Token;
        var path = $"/api/events/{show.Id}/allocations";
        var tickets = $"{path}/{allocation}/tickets";
        var guest = """{"name":"Ana","email":"ana@example.co"}""";

        var requests = new List<(string Method, string Path, string? Body, string? Token)>
        {
            ("POST", path, "", o),
            ("POST", path, "not json", o),
            ("POST", path, """{"ticketTypeId":"x"}""", o),
            ("POST", path, $$"""{"ticketTypeId":"{{tier}}","kind":"vip","name":"A","quantity":1}""", o),
            ("POST", path, $$"""{"ticketTypeId":"{{tier}}","kind":"press","name":"","quantity":1}""", o),
            ("POST", path, $$"""{"ticketTypeId":"{{tier}}","kind":"press","name":"A","quantity":0}""", o),
            ("POST", path, $$"""{"ticketTypeId":"{{tier}}","kind":"press","name":"A","quantity":-3}""", o),
            ("POST", path, $$"""{"ticketTypeId":"{{tier}}","kind":"press","name":"A","quantity":1,"code":"a b"}""", o),
            ("POST", path, $$"""{"ticketTypeId":"{{tier}}","kind":"press","name":"A","quantity":1,"code":"x"}""", o),
            ("POST", path, $$"""{"ticketTypeId":"{{tier}}","kind":"press","name":"A","quantity":1,"unitPrice":-1}""", o),
            ("POST", path, $$"""{"ticketTypeId":"{{tier}}","kind":"press","name":"A","quantity":1,"sponsorId":"{{Guid.NewGuid()}}"}""", o),
            ("POST", path, $$"""{"ticketTypeId":"{{tier}}","kind":"sponsor","name":"A","quantity":1,"sponsorId":"{{Guid.NewGuid()}}"}""", o),
            ("POST", path, $$"""{"ticketTypeId":"{{tier}}","kind":"press","name":"A","quantity":9}""", o),
            ("POST", path, $$"""{"ticketTypeId":"{{otherTier}}","kind":"press","name":"A","quantity":1,"code":"taken-code"}""", o),
            ("POST", path, $$"""{"ticketTypeId":"{{elsewhere}}","kind":"press","name":"A","quantity":1}""", o),
            ("POST", path, $$"""{"ticketTypeId":"{{Guid.NewGuid()}}","kind":"press","name":"A","quantity":1}""", o),
            ("POST", tickets, "{}", o),
            ("POST", tickets, """{"guests":[]}""", o),
            ("POST", tickets, """{"guests":[{"name":"Ana"}]}""", o),
            ("POST", tickets, """{"guests":[{"name":"Ana","email":"not-an-email"}]}""", o),
            ("POST", tickets, $$"""{"guests":[{{guest}},{{guest}}]}""", o),
            ("POST", tickets, $$"""{"guests":[{{guest}},{"name":"B","email":"b@example.co"},{"name":"C","email":"c@example.co"}]}""", o),
            ("POST", tickets, """{"guests":[null]}""", o),
            ("POST", $"{path}/{Guid.NewGuid()}/tickets", $$"""{"guests":[{{guest}}]}""", o),
            ("POST", $"{path}/{Guid.NewGuid()}/release", null, o),
            ("POST", $"/api/events/{Guid.NewGuid()}/allocations/{allocation}/release", null, o),
            ("POST", $"/api/ticket-types/{tier}/holds", """{"quantity":1,"code":"no such code"}""", b),
            ("POST", $"/api/ticket-types/{tier}/holds", """{"quantity":1,"code":"UNKNOWN-CODE"}""", b),
            ("POST", $"/api/ticket-types/{otherTier}/holds", """{"quantity":1,"code":"TAKEN-CODE"}""", b),
            ("POST", $"/api/ticket-types/{tier}/holds", """{"quantity":3,"code":"TAKEN-CODE"}""", b),
            ("POST", $"/api/ticket-types/{tier}/holds", """{"quantity":1,"code":12}""", b),
        };
        var before = await SnapshotAsync();

        var failures = new List<string>();
        foreach (var (method, route, body, token) in requests)
        {
            using var client = api.Client(token);
            using var request = RawJsonRequests.Create(method, route, body);
            using var response = await client.SendAsync(request);
            if (await ProblemAnswers.DescribeIfNotProblemAsync(response) is { } unexpected)
            {
                failures.Add($"{method} {route} body={body?[..Math.Min(body.Length, 80)]}: {unexpected}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(before, await SnapshotAsync());
    }

    private async Task<string> SnapshotAsync()
    {
        var parts = await TableCounts.ReadAsync(api.Database.DataSource, CountedTables);
        await using var counters = api.Database.DataSource.CreateCommand(
            "SELECT string_agg(held || '/' || sold || '/' || reserved || '/' || version, ',' ORDER BY id) FROM ticket_types");
        parts.Add($"ticket_types={await counters.ExecuteScalarAsync()}");
        return string.Join("; ", parts);
    }
}
