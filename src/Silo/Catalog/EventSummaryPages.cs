using Fashionistas.Silo.Persistence;
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
        var (rows, total) = await PagedQuery.ReadAsync<Row>(dataSource,
            """
            SELECT e.id AS Id, e.organizer_id AS OrganizerId, e.name AS Name, e.venue AS Venue, e.starts_at AS StartsAt,
                   e.ends_at AS EndsAt, e.capacity AS Capacity, e.status AS Status,
                   (SELECT min(CASE WHEN t.early_bird_price IS NOT NULL AND t.early_bird_deadline > now()
                                    THEN t.early_bird_price ELSE t.price END)
                    FROM ticket_types t WHERE t.event_id = e.id AND NOT t.hidden) AS FromPrice
            """,
            $"FROM events e {where}", orderBy, parameters, cancellationToken);
        return ([.. rows.Select(r => r.ToSummary())], total);
    }

    private sealed record Row(
        Guid Id, Guid OrganizerId, string Name, string Venue, DateTime StartsAt, DateTime EndsAt, int Capacity, string Status, long? FromPrice)
    {
        public EventSummary ToSummary() => new(Id, OrganizerId, Name, Venue, StoredTime.Utc(StartsAt),
            StoredTime.Utc(EndsAt), Capacity, Status, FromPrice);
    }
}
