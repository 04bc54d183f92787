using Fashionistas.Grains.Contracts;
using Npgsql;

namespace Fashionistas.Tests.Grains.Support;

/// <summary>What a sale under load must leave in the database, whatever happened to the silos on the way.</summary>
public static class InventoryInvariants
{
    /// <summary>
    /// Every acknowledged hold is stored with its quantity; each ticket type keeps sold + held &lt;= capacity; held
    /// equals the seats of its active holds.
    /// </summary>
    public static async Task AssertAsync(NpgsqlDataSource dataSource, IReadOnlyCollection<HoldInfo> acknowledged, params Guid[] ticketTypes)
    {
        var ids = acknowledged.Select(h => h.HoldId).ToArray();
        Assert.Equal(acknowledged.Count, (int)await TestData.ScalarAsync<long>(
            dataSource, "SELECT count(*) FROM holds WHERE id = ANY($1)", ids));
        Assert.Equal(acknowledged.Sum(h => h.Quantity), (int)await TestData.ScalarAsync<long>(
            dataSource, "SELECT coalesce(sum(quantity), 0) FROM holds WHERE id = ANY($1)", ids));
        Assert.True(await TestData.ScalarAsync<bool>(dataSource, """
            SELECT bool_and(t.sold + t.held <= t.capacity AND t.held = coalesce(h.seats, 0))
            FROM ticket_types t
            LEFT JOIN (SELECT ticket_type_id, sum(quantity) AS seats FROM holds WHERE status = 'active' GROUP BY ticket_type_id) h
                ON h.ticket_type_id = t.id
            WHERE t.id = ANY($1)
            """, ticketTypes), "every ticket type keeps sold + held <= capacity and held = its active holds");
    }
}
