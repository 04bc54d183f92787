using Fashionistas.LoadTests.Reporting;
using Npgsql;

namespace Fashionistas.LoadTests.Verification;

/// <summary>
/// Checks a finished sale against PostgreSQL, the source of truth: no oversell, counters agree with rows, every
/// acknowledged hold durable, nobody above the per-buyer limit, no ticket code twice, and every seat sold that
/// should be.
/// </summary>
public static class DatabaseVerifier
{
    public static async Task<IReadOnlyList<VerificationCheck>> VerifyAsync(
        string connectionString, SaleExpectation sale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sale);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var checks = new List<VerificationCheck>();
        var id = sale.TicketTypeId;

        var (capacity, held, sold) = await CountersAsync(connection, id, cancellationToken);
        checks.Add(new("sold + held <= capacity (zero oversell)", sold + held <= capacity, $"sold {sold} + held {held} vs capacity {capacity}"));

        var activeSeats = await ScalarAsync(connection,
            "SELECT coalesce(sum(quantity), 0) FROM holds WHERE ticket_type_id = $1 AND status = 'active'", cancellationToken, id);
        checks.Add(new("held counter = seats of active holds", activeSeats == held, $"counter {held}, active holds {activeSeats}"));

        var validTickets = await ScalarAsync(connection,
            "SELECT count(*) FROM tickets WHERE ticket_type_id = $1 AND status = 'valid'", cancellationToken, id);
        checks.Add(new("sold counter = valid tickets", validTickets == sold, $"counter {sold}, valid tickets {validTickets}"));

        var eventOver = await ScalarAsync(connection, """
            SELECT count(*) FROM (
                SELECT e.id FROM events e JOIN ticket_types t ON t.event_id = e.id
                WHERE e.id = (SELECT event_id FROM ticket_types WHERE id = $1)
                GROUP BY e.id, e.capacity HAVING sum(t.sold + t.held) > e.capacity) x
            """, cancellationToken, id);
        checks.Add(new("event: sold + held <= event capacity", eventOver == 0, eventOver == 0 ? "within" : "over the venue's capacity"));

        var durable = await ScalarAsync(connection, "SELECT count(*) FROM holds WHERE id = ANY($1)", cancellationToken, sale.AcknowledgedHolds.ToArray());
        checks.Add(new("every acknowledged hold is in the database", durable == sale.AcknowledgedHolds.Count,
            $"{durable} of {sale.AcknowledgedHolds.Count} found"));

        var taken = held + sold;
        checks.Add(new("every seat taken was acknowledged to a buyer", taken == sale.AcknowledgedSeats,
            $"database {taken} seats held or sold, buyers were told {sale.AcknowledgedSeats}"));

        var overLimit = await ScalarAsync(connection, """
            SELECT count(*) FROM (
                SELECT buyer_id FROM holds WHERE ticket_type_id = $1 AND status IN ('active', 'converted')
                GROUP BY buyer_id HAVING sum(quantity) > $2) x
            """, cancellationToken, id, sale.PerBuyerLimit);
        var ticketsOverLimit = await ScalarAsync(connection, """
            SELECT count(*) FROM (
                SELECT owner_id FROM tickets WHERE ticket_type_id = $1 AND status = 'valid'
                GROUP BY owner_id HAVING count(*) > $2) x
            """, cancellationToken, id, sale.PerBuyerLimit);
        checks.Add(new($"nobody above the per-buyer limit ({sale.PerBuyerLimit})", overLimit == 0 && ticketsOverLimit == 0,
            $"{overLimit} buyers over by holds, {ticketsOverLimit} by tickets"));

        var duplicateCodes = await ScalarAsync(connection,
            "SELECT count(*) FROM (SELECT code FROM tickets GROUP BY code HAVING count(*) > 1) x", cancellationToken);
        checks.Add(new("no ticket code twice", duplicateCodes == 0, $"{duplicateCodes} duplicated codes"));

        if (sale.CheckedOut)
        {
            checks.Add(new("tickets issued to buyers = sold counter", sale.TicketsIssuedToClients == sold,
                $"buyers got {sale.TicketsIssuedToClients}, database sold {sold}"));
            if (sale.TicketCodesSeen.Count > 0)
            {
                var known = await ScalarAsync(connection, "SELECT count(*) FROM tickets WHERE ticket_type_id = $1 AND code = ANY($2)",
                    cancellationToken, id, sale.TicketCodesSeen.Distinct().ToArray());
                checks.Add(new("every ticket code a buyer saw exists", known == sale.TicketCodesSeen.Distinct().Count(),
                    $"{known} of {sale.TicketCodesSeen.Distinct().Count()}"));
            }
        }

        if (sale.ExpectedSeats is { } expected)
        {
            var measured = sale.CheckedOut ? sold : taken;
            var what = sale.CheckedOut ? "seats sold" : "seats held";
            checks.Add(new($"{what} = min(demand, capacity)", measured == expected,
                $"{what} {measured}, demand {sale.Demand}, capacity {capacity}, expected {expected}"));
        }

        return checks;
    }

    private static async Task<(long Capacity, long Held, long Sold)> CountersAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT capacity, held, sold FROM ticket_types WHERE id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2))
            : throw new InvalidOperationException($"Ticket type {id} is not in the database.");
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
