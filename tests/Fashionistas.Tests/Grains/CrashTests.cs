using System.Globalization;
using Fashionistas.Grains.Contracts;
using Fashionistas.Tests.Grains.Support;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Grains;

/// <summary>
/// A process selling under load is killed with SIGKILL, twice, and restarted in between: everything it
/// acknowledged must be in the database, and no counter may exceed its capacity.
/// </summary>
public sealed class CrashTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private const int AcknowledgementsPerRun = 300;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task EverythingAcknowledgedBeforeASigkillIsDurableAndNothingIsOversold()
    {
        var users = await TestData.UsersAsync(db.DataSource, 200);
        Guid[] ticketTypes;
        await using (var setUp = await InventorySilo.StartAsync(db.DataSource))
        {
            var (eventId, general) = await TestData.OnSaleAsync(
                setUp, users[0], TestData.TicketType(capacity: 40_000, perBuyerLimit: 10_000), eventCapacity: 60_000);
            var vip = Assert.IsType<TicketTypeResult.Ok>(await setUp.Get<IEventGrain>(eventId)
                .AddTicketType(TestData.TicketType(capacity: 20_000, perBuyerLimit: 10_000) with { Name = "VIP" })).TicketType.Id;
            ticketTypes = [general, vip];
        }

        var acknowledged = new List<string>();
        for (var run = 0; run < 2; run++)
        {
            await using var child = CrashChildProcess.Start(db.ConnectionString, ticketTypes);
            var enough = await Eventually.TrueAsync(
                () => child.HasExited || child.Acknowledged.Count(l => l.StartsWith("SALE", StringComparison.Ordinal)) >= 10
                    && child.Acknowledged.Count >= AcknowledgementsPerRun,
                Patience);
            Assert.True(enough && !child.HasExited, $"The crash child did not sell enough:\n{child.Errors}");

            acknowledged.AddRange(await child.KillAsync());
            await AssertDurableAndWithinCapacityAsync(acknowledged);
        }
    }

    private async Task AssertDurableAndWithinCapacityAsync(IReadOnlyList<string> acknowledged)
    {
        var holds = acknowledged.Where(l => l.StartsWith("HOLD ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')).Select(p => (Id: Guid.Parse(p[1]), Quantity: int.Parse(p[3], CultureInfo.InvariantCulture))).ToList();
        var sales = acknowledged.Where(l => l.StartsWith("SALE ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')).Select(p => (Id: Guid.Parse(p[1]), Tickets: int.Parse(p[2], CultureInfo.InvariantCulture))).ToList();

        Assert.Equal(holds.Count, (int)await TestData.ScalarAsync<long>(
            db.DataSource, "SELECT count(*) FROM holds WHERE id = ANY($1)", holds.Select(h => h.Id).ToArray()));
        Assert.Equal(holds.Sum(h => h.Quantity), (int)await TestData.ScalarAsync<long>(
            db.DataSource, "SELECT sum(quantity) FROM holds WHERE id = ANY($1)", holds.Select(h => h.Id).ToArray()));
        Assert.Equal(sales.Count, (int)await TestData.ScalarAsync<long>(
            db.DataSource, "SELECT count(*) FROM orders WHERE id = ANY($1) AND status = 'paid'", sales.Select(s => s.Id).ToArray()));
        Assert.Equal(sales.Sum(s => s.Tickets), (int)await TestData.ScalarAsync<long>(
            db.DataSource, "SELECT count(*) FROM tickets WHERE order_id = ANY($1) AND status = 'valid'", sales.Select(s => s.Id).ToArray()));

        await AssertHoldsAsync("every ticket type keeps sold + held <= capacity",
            "SELECT bool_and(sold + held <= capacity) FROM ticket_types");
        await AssertHoldsAsync("every event keeps the seats of its ticket types within its capacity", """
            SELECT bool_and(t.taken <= e.capacity) FROM events e
            JOIN (SELECT event_id, sum(sold + held) AS taken FROM ticket_types GROUP BY event_id) t ON t.event_id = e.id
            """);
        await AssertHoldsAsync("held equals the active holds of every ticket type", """
            SELECT bool_and(t.held = coalesce(h.seats, 0)) FROM ticket_types t
            LEFT JOIN (SELECT ticket_type_id, sum(quantity) AS seats FROM holds WHERE status = 'active' GROUP BY ticket_type_id) h
                ON h.ticket_type_id = t.id
            """);
        await AssertHoldsAsync("sold equals the issued tickets of every ticket type", """
            SELECT bool_and(t.sold = coalesce(k.seats, 0)) FROM ticket_types t
            LEFT JOIN (SELECT ticket_type_id, count(*) AS seats FROM tickets WHERE status <> 'void' GROUP BY ticket_type_id) k
                ON k.ticket_type_id = t.id
            """);
        await AssertHoldsAsync("every ticket belongs to a paid order",
            "SELECT coalesce(bool_and(o.status = 'paid'), true) FROM tickets t JOIN orders o ON o.id = t.order_id");
    }

    private async Task AssertHoldsAsync(string invariant, string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        Assert.True((bool)(await command.ExecuteScalarAsync())!, invariant);
    }
}
