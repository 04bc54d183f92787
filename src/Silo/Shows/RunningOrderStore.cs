using Dapper;
using Npgsql;

namespace Fashionistas.Silo.Shows;

/// <summary>Table <c>running_order</c>: replaced as a whole by the event's organizer, so positions never collide.</summary>
public sealed class RunningOrderStore(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<RunningOrderEntry>> GetAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<RunningOrderEntry>(new CommandDefinition(
            """
            SELECT r.position AS Position, r.segment AS Segment, r.collection_id AS CollectionId, c.name AS CollectionName,
                   d.brand_name AS BrandName, r.model_id AS ModelId, m.display_name AS ModelName, r.look AS Look
            FROM running_order r
            LEFT JOIN collections c ON c.id = r.collection_id
            LEFT JOIN designers d ON d.user_id = c.designer_id
            LEFT JOIN models m ON m.user_id = r.model_id
            WHERE r.event_id = @eventId
            ORDER BY r.position
            """, new { eventId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Clears a collection that left the show from the event's running order (its lines stay, without it).</summary>
    public const string ClearCollectionSql =
        "UPDATE running_order SET collection_id = NULL WHERE event_id = @eventId AND collection_id = @collectionId";

    /// <summary>Clears a model who left the show from the event's running order (their looks stay, unassigned).</summary>
    public const string ClearModelSql = "UPDATE running_order SET model_id = NULL WHERE event_id = @eventId AND model_id = @modelId";

    /// <summary>
    /// Replaces the running order with <paramref name="lines"/> in that order. Every collection and model named must be
    /// in the show (accepted), so nobody walks without having agreed to; otherwise nothing is written.
    /// </summary>
    public async Task<RunningOrderOutcome> ReplaceAsync(Guid eventId, IReadOnlyList<RunningOrderLine> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var collections = lines.Where(l => l.CollectionId is not null).Select(l => l.CollectionId!.Value).Distinct().ToArray();
        var models = lines.Where(l => l.ModelId is not null).Select(l => l.ModelId!.Value).Distinct().ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Two saves of the same event's order (two tabs) run one after the other, so neither trips over the other's
        // positions; the show entries are share-locked, so a decline waits for this commit and then clears its lines.
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtextextended('running-order:' || @eventId::text, 0))", new { eventId }, transaction,
            cancellationToken: cancellationToken));
        var (acceptedCollections, acceptedModels) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
            """
            SELECT (SELECT count(*) FROM (SELECT 1 FROM event_collections
                        WHERE event_id = @eventId AND status = 'accepted' AND collection_id = ANY(@collections) FOR SHARE) c),
                   (SELECT count(*) FROM (SELECT 1 FROM event_models
                        WHERE event_id = @eventId AND status = 'accepted' AND model_id = ANY(@models) FOR SHARE) m)
            """, new { eventId, collections, models }, transaction, cancellationToken: cancellationToken));
        if (acceptedCollections != collections.Length)
        {
            return RunningOrderOutcome.CollectionNotInShow;
        }

        if (acceptedModels != models.Length)
        {
            return RunningOrderOutcome.ModelNotInShow;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM running_order WHERE event_id = @eventId", new { eventId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO running_order (event_id, position, segment, collection_id, model_id, look)
            SELECT @eventId, l.position, l.segment, l.collection_id, l.model_id, l.look
            FROM unnest(@segments, @collectionIds, @modelIds, @looks) WITH ORDINALITY AS l(segment, collection_id, model_id, look, position)
            """,
            new
            {
                eventId,
                segments = lines.Select(l => l.Segment).ToArray(),
                collectionIds = lines.Select(l => l.CollectionId).ToArray(),
                modelIds = lines.Select(l => l.ModelId).ToArray(),
                looks = lines.Select(l => l.Look).ToArray(),
            }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return RunningOrderOutcome.Done;
    }
}
