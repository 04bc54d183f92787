using Dapper;
using Npgsql;

namespace Fashionistas.Silo.Shows;

/// <summary>
/// "Mi agenda": what one person has to be at, across every show they are in (accepted), soonest first: the shows
/// themselves, their call times, their looks in the running order and the backstage slots for them or for everyone.
/// </summary>
public sealed class AgendaStore(NpgsqlDataSource dataSource)
{
    private const string Sql = """
        WITH mine AS (
            SELECT event_id FROM event_models WHERE model_id = @userId AND status = 'accepted'
            UNION
            SELECT ec.event_id FROM event_collections ec JOIN collections c ON c.id = ec.collection_id
            WHERE c.designer_id = @userId AND ec.status = 'accepted'
        ),
        items AS (
            SELECT 'show:' || e.id AS key, e.id AS event_id, 'show' AS kind, e.name AS title, e.starts_at, e.ends_at, NULL::text AS location
            FROM events e JOIN mine ON mine.event_id = e.id
            UNION ALL
            SELECT 'call:' || em.event_id, em.event_id, 'call', COALESCE(em.note, ''), em.call_time, NULL, NULL
            FROM event_models em
            WHERE em.model_id = @userId AND em.status = 'accepted' AND em.call_time IS NOT NULL
            UNION ALL
            SELECT 'look:' || r.event_id || ':' || r.position, r.event_id, 'look',
                   '#' || r.position || ' · ' || r.segment || COALESCE(' · ' || r.look, ''), e.starts_at, NULL, NULL
            FROM running_order r JOIN events e ON e.id = r.event_id JOIN mine ON mine.event_id = r.event_id
            LEFT JOIN collections c ON c.id = r.collection_id
            WHERE r.model_id = @userId OR c.designer_id = @userId
            UNION ALL
            SELECT 'slot:' || b.id, b.event_id, b.kind, b.title, b.starts_at, b.ends_at, b.location
            FROM backstage_slots b JOIN mine ON mine.event_id = b.event_id
            WHERE b.person_id = @userId OR b.person_id IS NULL
        )
        SELECT i.key AS Key, i.event_id AS EventId, e.name AS EventName, e.venue AS Venue, i.kind AS Kind, i.title AS Title,
               i.starts_at AS StartsAt, i.ends_at AS EndsAt, i.location AS Location
        FROM items i JOIN events e ON e.id = i.event_id
        WHERE e.status <> 'cancelled'
        ORDER BY i.starts_at, i.key
        """;

    public async Task<IReadOnlyList<AgendaItem>> ForPersonAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AgendaItem>(new CommandDefinition(Sql, new { userId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
