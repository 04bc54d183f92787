using Dapper;
using Npgsql;

namespace Fashionistas.Silo.Allocations;

/// <summary>
/// Table <c>ticket_allocations</c> as the organizer sees it. Rows are created here with no seats; the ticket-type grain
/// sets seats aside and writes every counter afterwards, in its fenced batches.
/// </summary>
public sealed class AllocationStore(NpgsqlDataSource dataSource)
{
    private const string Select = """
        SELECT a.id AS Id, a.event_id AS EventId, a.ticket_type_id AS TicketTypeId, t.name AS TicketTypeName, a.kind AS Kind,
               a.name AS Name, a.sponsor_id AS SponsorId, s.name AS SponsorName, a.code AS Code, a.unit_price AS UnitPrice,
               a.quantity AS Quantity, a.held AS Held, a.sold AS Sold, a.quantity - a.held - a.sold AS Remaining,
               (SELECT count(*) FROM comp_tickets c JOIN tickets k ON k.id = c.ticket_id
                WHERE c.allocation_id = a.id AND k.status = 'valid')::int AS CompTickets,
               (SELECT count(*) FROM check_ins ci JOIN tickets k ON k.id = ci.ticket_id JOIN orders o ON o.id = k.order_id
                JOIN holds h ON h.id = o.hold_id WHERE h.allocation_id = a.id)::int AS CheckedIn,
               a.released_at AS ReleasedAt
        FROM ticket_allocations a JOIN ticket_types t ON t.id = a.ticket_type_id LEFT JOIN sponsors s ON s.id = a.sponsor_id
        """;

    /// <summary>Why a row could not be created; null when it was.</summary>
    public async Task<string?> InsertAsync(Guid id, Guid eventId, AllocationFields fields, Guid createdBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.QuerySingleAsync<(bool TierOk, bool SponsorOk, bool CodeFree)>(new CommandDefinition(
            """
            WITH checks AS (
                SELECT EXISTS (SELECT 1 FROM ticket_types WHERE id = @ticketTypeId AND event_id = @eventId) AS tier_ok,
                       (@sponsorId::uuid IS NULL OR EXISTS (SELECT 1 FROM event_sponsors WHERE event_id = @eventId AND sponsor_id = @sponsorId)) AS sponsor_ok,
                       (@code::text IS NULL OR NOT EXISTS (SELECT 1 FROM ticket_allocations WHERE event_id = @eventId AND upper(code) = upper(@code))) AS code_free
            ), ins AS (
                INSERT INTO ticket_allocations (id, event_id, ticket_type_id, kind, name, sponsor_id, code, unit_price, created_by)
                SELECT @id, @eventId, @ticketTypeId, @kind, @name, @sponsorId, @code, @unitPrice, @createdBy
                FROM checks WHERE tier_ok AND sponsor_ok AND code_free
                ON CONFLICT DO NOTHING
                RETURNING id
            )
            SELECT tier_ok, sponsor_ok, code_free AND EXISTS (SELECT 1 FROM ins) FROM checks
            """,
            new
            {
                id, eventId, fields.TicketTypeId, fields.Kind, fields.Name, fields.SponsorId, fields.Code, fields.UnitPrice, createdBy,
            },
            cancellationToken: cancellationToken));
        return inserted switch
        {
            { TierOk: false } => "The ticket type is not one of this event's.",
            { SponsorOk: false } => "The sponsor does not sponsor this event.",
            { CodeFree: false } => "Another allocation of this event uses this code.",
            _ => null,
        };
    }

    /// <summary>Removes a row the grain refused to give seats to (it never wrote it).</summary>
    public async Task DeleteUnusedAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM ticket_allocations WHERE id = @id AND quantity = 0 AND held = 0 AND sold = 0 " +
            "AND NOT EXISTS (SELECT 1 FROM holds WHERE allocation_id = @id)",
            new { id }, cancellationToken: cancellationToken));
    }

    public async Task<Allocation?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE a.id = @id", new { id }, cancellationToken)).SingleOrDefault();

    /// <summary>The event's allocations, by ticket type and age.</summary>
    public Task<IReadOnlyList<Allocation>> OfEventAsync(Guid eventId, CancellationToken cancellationToken) =>
        QueryAsync("WHERE a.event_id = @eventId ORDER BY t.created_at, a.created_at, a.id", new { eventId }, cancellationToken);

    /// <summary>The sponsor's allocations, over all events.</summary>
    public Task<IReadOnlyList<Allocation>> OfSponsorAsync(Guid sponsorId, CancellationToken cancellationToken) =>
        QueryAsync("WHERE a.sponsor_id = @sponsorId ORDER BY a.created_at, a.id", new { sponsorId }, cancellationToken);

    private async Task<IReadOnlyList<Allocation>> QueryAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Allocation>(new CommandDefinition($"{Select} {where}", parameters, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
