using Dapper;
using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Industry;

/// <summary>
/// The public lineup read across <c>event_collections</c>, <c>event_models</c> and <c>event_sponsors</c>: only accepted
/// collections and models are in it (see <see cref="ShowApplicationStore"/> and <see cref="CastingStore"/>).
/// </summary>
public sealed class LineupStore(NpgsqlDataSource dataSource)
{
    public async Task<Lineup> GetAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var shows = await connection.QueryAsync<LineupShow>(new CommandDefinition(
            """
            SELECT c.id AS CollectionId, c.name AS CollectionName, c.season AS Season, c.pieces AS Pieces,
                   d.user_id AS DesignerId, d.brand_name AS BrandName,
                   (SELECT i.url FROM fashion_images i WHERE i.collection_id = c.id ORDER BY i.created_at, i.id LIMIT 1) AS CoverUrl
            FROM event_collections ec
            JOIN collections c ON c.id = ec.collection_id
            JOIN designers d ON d.user_id = c.designer_id
            WHERE ec.event_id = @eventId AND ec.status = 'accepted'
            ORDER BY ec.added_at, c.id
            """, new { eventId }, cancellationToken: cancellationToken));
        var models = await connection.QueryAsync<LineupModel>(new CommandDefinition(
            """
            SELECT m.user_id AS ModelId, m.display_name AS DisplayName, m.city AS City
            FROM event_models em JOIN models m ON m.user_id = em.model_id
            WHERE em.event_id = @eventId AND em.status = 'accepted'
            ORDER BY lower(m.display_name), m.user_id
            """, new { eventId }, cancellationToken: cancellationToken));
        var sponsors = await connection.QueryAsync<LineupSponsor>(new CommandDefinition(
            """
            SELECT s.id AS SponsorId, s.name AS Name, es.tier AS Tier
            FROM event_sponsors es JOIN sponsors s ON s.id = es.sponsor_id
            WHERE es.event_id = @eventId
            ORDER BY array_position(@tiers, es.tier), lower(s.name)
            """, new { eventId, tiers = SponsorTiers.All.ToArray() }, cancellationToken: cancellationToken));
        return new Lineup(eventId, shows.AsList(), models.AsList(), sponsors.AsList());
    }

    /// <summary>The events showing any of <paramref name="designerId"/>'s collections, soonest first.</summary>
    public Task<IReadOnlyList<ShowAppearance>> ShowsOfDesignerAsync(Guid designerId, CancellationToken cancellationToken) =>
        AppearancesAsync(
            """
            SELECT e.id, e.name, e.venue, e.starts_at, e.status, c.id, c.name
            FROM event_collections ec
            JOIN collections c ON c.id = ec.collection_id
            JOIN events e ON e.id = ec.event_id
            WHERE c.designer_id = @personId AND ec.status = 'accepted'
            ORDER BY e.starts_at, e.id, c.name
            """, designerId, cancellationToken);

    /// <summary>The events <paramref name="modelId"/> walks in, soonest first.</summary>
    public Task<IReadOnlyList<ShowAppearance>> ShowsOfModelAsync(Guid modelId, CancellationToken cancellationToken) =>
        AppearancesAsync(
            """
            SELECT e.id, e.name, e.venue, e.starts_at, e.status, NULL::uuid, NULL::text
            FROM event_models em JOIN events e ON e.id = em.event_id
            WHERE em.model_id = @personId AND em.status = 'accepted'
            ORDER BY e.starts_at, e.id
            """, modelId, cancellationToken);

    private async Task<IReadOnlyList<ShowAppearance>> AppearancesAsync(string sql, Guid personId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid, string, string, DateTime, string, Guid?, string?)>(new CommandDefinition(
            sql, new { personId }, cancellationToken: cancellationToken));
        return rows.Select(r => new ShowAppearance(
            r.Item1, r.Item2, r.Item3, StoredTime.Utc(r.Item4), r.Item5, r.Item6, r.Item7)).ToList();
    }
}
