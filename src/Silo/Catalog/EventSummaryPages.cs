using Dapper;
using Npgsql;

namespace Fashionistas.Silo.Catalog;

/// <summary>The one query behind every paged list of <see cref="EventSummary"/>: the callers give the filter and order.</summary>
internal static class EventSummaryPages
{
    /// <summary>
    /// One page and the total count of the events <paramref name="where"/> selects (over alias <c>e</c>), sorted by
    /// <paramref name="orderBy"/>. <paramref name="parameters"/> must also carry <c>limit</c> and <c>offset</c>.
    /// </summary>
    public static async Task<(IReadOnlyList<EventSummary> Items, long Total)> ReadAsync(
        NpgsqlDataSource dataSource, string where, string orderBy, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM events e {where}", parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<(Guid, Guid, string, string, DateTime, DateTime, int, string, long?)>(new CommandDefinition(
            $"""
            SELECT e.id, e.organizer_id, e.name, e.venue, e.starts_at, e.ends_at, e.capacity, e.status,
                   (SELECT min(CASE WHEN t.early_bird_price IS NOT NULL AND t.early_bird_deadline > now()
                                    THEN t.early_bird_price ELSE t.price END)
                    FROM ticket_types t WHERE t.event_id = e.id)
            FROM events e {where}
            ORDER BY {orderBy}
            LIMIT @limit OFFSET @offset
            """, parameters, cancellationToken: cancellationToken));
        var items = rows.Select(r => new EventSummary(r.Item1, r.Item2, r.Item3, r.Item4,
            new DateTimeOffset(r.Item5, TimeSpan.Zero), new DateTimeOffset(r.Item6, TimeSpan.Zero), r.Item7, r.Item8, r.Item9)).ToList();
        return (items, total);
    }
}
