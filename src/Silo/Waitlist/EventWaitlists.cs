using Dapper;
using Npgsql;

namespace Fashionistas.Silo.Waitlist;

/// <summary>The organizer's view of an event's waitlists: per tier, how many wait and how many were told.</summary>
public sealed class EventWaitlists(NpgsqlDataSource dataSource)
{
    /// <summary>Every tier of the event (in creation order), with zero counts for tiers nobody waits for.</summary>
    public async Task<IReadOnlyList<TierWaitlist>> ListAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TierWaitlist>(new CommandDefinition(
            """
            SELECT tt.id AS TicketTypeId, tt.name AS Name,
                   count(w.id)::int AS Waiting, count(w.notified_at)::int AS Notified
            FROM ticket_types tt LEFT JOIN waitlist_entries w ON w.ticket_type_id = tt.id
            WHERE tt.event_id = @eventId
            GROUP BY tt.id, tt.name, tt.created_at
            ORDER BY tt.created_at, tt.id
            """, new { eventId }, cancellationToken: cancellationToken));
        return [.. rows];
    }
}
