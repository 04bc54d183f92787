using Dapper;
using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Industry;

/// <summary>Tables <c>event_collections</c> and <c>event_models</c>, and the public lineup read across them and <c>event_sponsors</c>.</summary>
public sealed class LineupStore(NpgsqlDataSource dataSource)
{
    /// <summary>Adds the collection to the event's show (idempotent); false when the collection does not exist.</summary>
    public Task<bool> AttachCollectionAsync(Guid eventId, Guid collectionId, CancellationToken cancellationToken) =>
        AttachAsync(
            """
            WITH target AS (SELECT id FROM collections WHERE id = @memberId),
                 added AS (INSERT INTO event_collections (event_id, collection_id) SELECT @eventId, id FROM target ON CONFLICT DO NOTHING)
            SELECT EXISTS (SELECT 1 FROM target)
            """, eventId, collectionId, cancellationToken);

    /// <summary>Adds the model to the event's show (idempotent); false when the model has no profile.</summary>
    public Task<bool> AttachModelAsync(Guid eventId, Guid modelId, CancellationToken cancellationToken) =>
        AttachAsync(
            """
            WITH target AS (SELECT user_id FROM models WHERE user_id = @memberId),
                 added AS (INSERT INTO event_models (event_id, model_id) SELECT @eventId, user_id FROM target ON CONFLICT DO NOTHING)
            SELECT EXISTS (SELECT 1 FROM target)
            """, eventId, modelId, cancellationToken);

    /// <summary>False when the collection was not in the event's show.</summary>
    public Task<bool> DetachCollectionAsync(Guid eventId, Guid collectionId, CancellationToken cancellationToken) =>
        DetachAsync("DELETE FROM event_collections WHERE event_id = @eventId AND collection_id = @memberId", eventId, collectionId, cancellationToken);

    /// <summary>False when the model was not in the event's show.</summary>
    public Task<bool> DetachModelAsync(Guid eventId, Guid modelId, CancellationToken cancellationToken) =>
        DetachAsync("DELETE FROM event_models WHERE event_id = @eventId AND model_id = @memberId", eventId, modelId, cancellationToken);

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
            WHERE ec.event_id = @eventId
            ORDER BY ec.added_at, c.id
            """, new { eventId }, cancellationToken: cancellationToken));
        var models = await connection.QueryAsync<LineupModel>(new CommandDefinition(
            """
            SELECT m.user_id AS ModelId, m.display_name AS DisplayName, m.city AS City
            FROM event_models em JOIN models m ON m.user_id = em.model_id
            WHERE em.event_id = @eventId
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
            WHERE c.designer_id = @personId
            ORDER BY e.starts_at, e.id, c.name
            """, designerId, cancellationToken);

    /// <summary>The events <paramref name="modelId"/> walks in, soonest first.</summary>
    public Task<IReadOnlyList<ShowAppearance>> ShowsOfModelAsync(Guid modelId, CancellationToken cancellationToken) =>
        AppearancesAsync(
            """
            SELECT e.id, e.name, e.venue, e.starts_at, e.status, NULL::uuid, NULL::text
            FROM event_models em JOIN events e ON e.id = em.event_id
            WHERE em.model_id = @personId
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

    private async Task<bool> AttachAsync(string sql, Guid eventId, Guid memberId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            sql, new { eventId, memberId }, cancellationToken: cancellationToken));
    }

    private async Task<bool> DetachAsync(string sql, Guid eventId, Guid memberId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            sql, new { eventId, memberId }, cancellationToken: cancellationToken)) > 0;
    }
}
