using Dapper;
using Npgsql;

namespace Fashionistas.Silo.Catalog;

/// <summary>
/// The events one organizer manages, in every status (the public list would bury them under everyone's published
/// events); events awaiting review come first, then by start.
/// </summary>
public sealed class ManagedEvents(NpgsqlDataSource dataSource)
{
    /// <summary>A page of <paramref name="organizerId"/>'s events, or of every event when it is null (admins).</summary>
    public async Task<(IReadOnlyList<EventSummary> Items, long Total)> ListAsync(
        Guid? organizerId, int page, int pageSize, CancellationToken cancellationToken)
    {
        const string where = "WHERE (@organizerId::uuid IS NULL OR e.organizer_id = @organizerId)";
        var parameters = new { organizerId, limit = pageSize, offset = (page - 1) * pageSize };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM events e {where}", parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<(Guid, Guid, string, string, DateTime, DateTime, int, string, long?)>(new CommandDefinition(
            $"""
            SELECT e.id, e.organizer_id, e.name, e.venue, e.starts_at, e.ends_at, e.capacity, e.status,
                   (SELECT min(t.price) FROM ticket_types t WHERE t.event_id = e.id)
            FROM events e {where}
            ORDER BY (e.status = 'review') DESC, e.starts_at, e.id
            LIMIT @limit OFFSET @offset
            """, parameters, cancellationToken: cancellationToken));
        var items = rows.Select(r => new EventSummary(r.Item1, r.Item2, r.Item3, r.Item4,
            new DateTimeOffset(r.Item5, TimeSpan.Zero), new DateTimeOffset(r.Item6, TimeSpan.Zero), r.Item7, r.Item8, r.Item9)).ToList();
        return (items, total);
    }
}
