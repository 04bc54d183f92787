using Dapper;
using Npgsql;

namespace Fashionistas.Silo.Industry;

/// <summary>
/// Table <c>event_collections</c> as applications: a designer applies a collection (their consent), the event's
/// organizer accepts or declines it. Callers check who owns the collection and who manages the event.
/// </summary>
public sealed class ShowApplicationStore(NpgsqlDataSource dataSource)
{
    private const string Select = """
        SELECT e.id AS EventId, e.name AS EventName, e.starts_at AS StartsAt, c.id AS CollectionId, c.name AS CollectionName,
               d.user_id AS DesignerId, d.brand_name AS BrandName, ec.status AS Status, ec.note AS Note
        FROM event_collections ec
        JOIN events e ON e.id = ec.event_id
        JOIN collections c ON c.id = ec.collection_id
        JOIN designers d ON d.user_id = c.designer_id
        """;

    /// <summary>Applies the collection to the event's show; applying again is a no-op, unless it was declined.</summary>
    public async Task<(ApplicationOutcome Outcome, ShowApplication? Application)> ApplyAsync(
        Guid eventId, Guid collectionId, string? note, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var status = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            """
            INSERT INTO event_collections (event_id, collection_id, status, note) VALUES (@eventId, @collectionId, 'applied', @note)
            ON CONFLICT (event_id, collection_id) DO UPDATE SET note = COALESCE(excluded.note, event_collections.note)
            RETURNING status
            """, new { eventId, collectionId, note }, cancellationToken: cancellationToken));
        if (status == ApplicationStatuses.Declined)
        {
            return (ApplicationOutcome.AlreadyDeclined, null);
        }

        return (ApplicationOutcome.Done, await FindAsync(connection, eventId, collectionId, cancellationToken));
    }

    /// <summary>The designer takes the collection out of the show (whatever the organizer decided); false when it was not in.</summary>
    public Task<bool> WithdrawAsync(Guid eventId, Guid collectionId, CancellationToken cancellationToken) =>
        LeaveShowAsync(
            "DELETE FROM event_collections WHERE event_id = @eventId AND collection_id = @collectionId", eventId, collectionId, null,
            cancellationToken);

    /// <summary>The organizer's decision on an application; <see cref="ApplicationOutcome.NotApplied"/> when there is none.</summary>
    public async Task<ApplicationOutcome> DecideAsync(Guid eventId, Guid collectionId, bool accept, CancellationToken cancellationToken) =>
        await LeaveShowAsync(
            """
            UPDATE event_collections SET status = @status, decided_at = now()
            WHERE event_id = @eventId AND collection_id = @collectionId
            """, eventId, collectionId, accept ? ApplicationStatuses.Accepted : ApplicationStatuses.Declined, cancellationToken)
            ? ApplicationOutcome.Done
            : ApplicationOutcome.NotApplied;

    /// <summary>
    /// Runs <paramref name="sql"/> on the application; unless it accepted, the collection is then cleared from the
    /// running order in a second statement, which waits out a running-order save that share-locked the application
    /// and so sees the lines it wrote. False when there was no application.
    /// </summary>
    private async Task<bool> LeaveShowAsync(string sql, Guid eventId, Guid collectionId, string? status, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            sql, new { eventId, collectionId, status }, transaction, cancellationToken: cancellationToken));
        if (status != ApplicationStatuses.Accepted)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                Shows.RunningOrderStore.ClearCollectionSql, new { eventId, collectionId }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return changed > 0;
    }

    /// <summary>Every application of the designer's collections, soonest event first.</summary>
    public Task<IReadOnlyList<ShowApplication>> ForDesignerAsync(Guid designerId, CancellationToken cancellationToken) =>
        ListAsync($"{Select} WHERE d.user_id = @id ORDER BY e.starts_at, e.id, c.name", designerId, cancellationToken);

    /// <summary>Every application to the event's show, oldest first.</summary>
    public Task<IReadOnlyList<ShowApplication>> ForEventAsync(Guid eventId, CancellationToken cancellationToken) =>
        ListAsync($"{Select} WHERE e.id = @id ORDER BY ec.added_at, c.id", eventId, cancellationToken);

    private async Task<IReadOnlyList<ShowApplication>> ListAsync(string sql, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ShowApplication>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private static Task<ShowApplication?> FindAsync(
        NpgsqlConnection connection, Guid eventId, Guid collectionId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<ShowApplication>(new CommandDefinition(
            $"{Select} WHERE ec.event_id = @eventId AND ec.collection_id = @collectionId",
            new { eventId, collectionId }, cancellationToken: cancellationToken));
}
