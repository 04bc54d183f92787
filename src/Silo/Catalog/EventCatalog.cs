using Dapper;
using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Catalog;

/// <summary>Read-side queries over events for listings (the grains own writes and live counters).</summary>
public sealed class EventCatalog(NpgsqlDataSource dataSource)
{
    /// <summary>Statuses anyone may see: the event has been published.</summary>
    public static IReadOnlyList<string> PublicStatuses { get; } = ["published", "on_sale", "sold_out", "in_progress", "completed"];

    public async Task<(IReadOnlyList<EventSummary> Items, long Total)> ListAsync(EventListQuery q, CancellationToken cancellationToken)
    {
        const string where = """
            WHERE (@includeAll OR e.status = ANY(@publicStatuses) OR e.organizer_id = @owner)
              AND (@from::timestamptz IS NULL OR e.starts_at >= @from)
              AND (@to::timestamptz IS NULL OR e.starts_at < @to)
              AND (@endsAfter::timestamptz IS NULL OR e.ends_at > @endsAfter)
              AND (@status::text IS NULL OR e.status = @status)
              AND (@pattern::text IS NULL OR e.name ILIKE @pattern ESCAPE '\' OR e.venue ILIKE @pattern ESCAPE '\'
                   OR e.description ILIKE @pattern ESCAPE '\')
            """;
        var parameters = new
        {
            includeAll = q.IncludeAll,
            publicStatuses = PublicStatuses.ToArray(),
            owner = q.IncludeOwnedBy,
            from = q.From,
            to = q.To,
            status = q.Status,
            endsAfter = q.EndsAfter,
            pattern = string.IsNullOrWhiteSpace(q.Search) ? null : $"%{LikePatterns.Escape(q.Search.Trim())}%",
            limit = q.PageSize,
            offset = (q.Page - 1) * q.PageSize,
        };
        return await EventSummaryPages.ReadAsync(dataSource, where, "e.starts_at, e.id", parameters, cancellationToken);
    }

    /// <summary>The ticket type's event, or null when there is no such ticket type.</summary>
    public async Task<Guid?> EventOfTicketTypeAsync(Guid ticketTypeId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            "SELECT event_id FROM ticket_types WHERE id = @ticketTypeId", new { ticketTypeId }, cancellationToken: cancellationToken));
    }
}
