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
        return await EventSummaryPages.ReadAsync(dataSource, where, "(e.status = 'review') DESC, e.starts_at, e.id", parameters, cancellationToken);
    }
}
