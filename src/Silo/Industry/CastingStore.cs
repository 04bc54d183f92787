using Dapper;
using Npgsql;

namespace Fashionistas.Silo.Industry;

/// <summary>
/// Table <c>event_models</c> as castings: the organizer invites a model with a call time, the model answers. Callers
/// check who manages the event; the model's answers are keyed by the model's own id.
/// </summary>
public sealed class CastingStore(NpgsqlDataSource dataSource)
{
    private const string Select = """
        SELECT e.id AS EventId, e.name AS EventName, e.venue AS Venue, e.starts_at AS StartsAt, m.user_id AS ModelId,
               m.display_name AS DisplayName, em.status AS Status, em.call_time AS CallTime, em.note AS Note
        FROM event_models em
        JOIN events e ON e.id = em.event_id
        JOIN models m ON m.user_id = em.model_id
        """;

    /// <summary>
    /// Invites the model (or changes the call time and note of the casting). A changed invitation keeps the model's
    /// answer, except that re-inviting a model who declined asks them again. Null when the model has no profile.
    /// </summary>
    public async Task<Casting?> InviteAsync(Guid eventId, Guid modelId, DateTime? callTimeUtc, string? note, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var written = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO event_models (event_id, model_id, status, call_time, note)
            SELECT @eventId, user_id, 'invited', @callTimeUtc, @note FROM models WHERE user_id = @modelId
            ON CONFLICT (event_id, model_id) DO UPDATE SET call_time = excluded.call_time, note = excluded.note,
                status = CASE WHEN event_models.status = 'declined' THEN 'invited' ELSE event_models.status END
            """, new { eventId, modelId, callTimeUtc, note }, cancellationToken: cancellationToken));
        return written == 0 ? null : await FindAsync(connection, eventId, modelId, cancellationToken);
    }

    /// <summary>The model's answer; null when <paramref name="modelId"/> has no casting for the event.</summary>
    public async Task<Casting?> AnswerAsync(Guid eventId, Guid modelId, bool accept, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE event_models SET status = @status, answered_at = now() WHERE event_id = @eventId AND model_id = @modelId",
            new { eventId, modelId, status = accept ? CastingStatuses.Accepted : CastingStatuses.Declined },
            transaction, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            return null;
        }

        if (!accept)
        {
            await ClearFromRunningOrderAsync(connection, transaction, eventId, modelId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return await FindAsync(connection, eventId, modelId, cancellationToken);
    }

    /// <summary>Ends the casting (and takes the model out of the show); false when there was none.</summary>
    public async Task<bool> RemoveAsync(Guid eventId, Guid modelId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var removed = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM event_models WHERE event_id = @eventId AND model_id = @modelId",
            new { eventId, modelId }, transaction, cancellationToken: cancellationToken));
        await ClearFromRunningOrderAsync(connection, transaction, eventId, modelId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed > 0;
    }

    /// <summary>
    /// A separate statement after the casting's change: it waits out a running-order save that share-locked the casting,
    /// then sees (and clears) the lines that save wrote.
    /// </summary>
    private static Task ClearFromRunningOrderAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid eventId, Guid modelId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            Shows.RunningOrderStore.ClearModelSql, new { eventId, modelId }, transaction, cancellationToken: cancellationToken));

    /// <summary>The model's castings, soonest event first.</summary>
    public Task<IReadOnlyList<Casting>> ForModelAsync(Guid modelId, CancellationToken cancellationToken) =>
        ListAsync($"{Select} WHERE m.user_id = @id ORDER BY e.starts_at, e.id", modelId, cancellationToken);

    /// <summary>The event's castings by model name.</summary>
    public Task<IReadOnlyList<Casting>> ForEventAsync(Guid eventId, CancellationToken cancellationToken) =>
        ListAsync($"{Select} WHERE e.id = @id ORDER BY lower(m.display_name), m.user_id", eventId, cancellationToken);

    private async Task<IReadOnlyList<Casting>> ListAsync(string sql, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Casting>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private static Task<Casting?> FindAsync(NpgsqlConnection connection, Guid eventId, Guid modelId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<Casting>(new CommandDefinition(
            $"{Select} WHERE em.event_id = @eventId AND em.model_id = @modelId", new { eventId, modelId }, cancellationToken: cancellationToken));
}
