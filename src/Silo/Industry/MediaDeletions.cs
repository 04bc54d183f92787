using Dapper;
using Fashionistas.Silo.Outbox;
using Npgsql;

namespace Fashionistas.Silo.Industry;

/// <summary>
/// Queues the removal of stored files (<see cref="OutboxKinds.MediaDelete"/>) for the images a deletion is about to
/// take with it, in the deleting transaction: the files go after the commit, and only if it commits.
/// </summary>
internal static class MediaDeletions
{
    /// <summary>
    /// Queues the files of the images that <paramref name="imagesWhere"/> (a condition on <c>fashion_images i</c>) selects.
    /// Run it after locking the parent row, so no image can be added between it and the delete.
    /// </summary>
    public static Task QueueAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string imagesWhere, object parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO outbox (kind, payload)
            SELECT '{OutboxKinds.MediaDelete}', jsonb_build_object('publicId', i.public_id, 'url', i.url, 'contentType', i.content_type)
            FROM fashion_images i WHERE {imagesWhere}
            """,
            parameters,
            transaction,
            cancellationToken: cancellationToken));
}
