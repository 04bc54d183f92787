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
            InsertFrom($"fashion_images i WHERE {imagesWhere}"), parameters, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// The outbox insert for the files of the rows of <paramref name="source"/>, which has the image columns
    /// <c>public_id, url, content_type</c> (a table with its condition, or a CTE that deleted them).
    /// </summary>
    public static string InsertFrom(string source) => $"""
        INSERT INTO outbox (kind, payload)
        SELECT '{OutboxKinds.MediaDelete}', jsonb_build_object('publicId', public_id, 'url', url, 'contentType', content_type)
        FROM {source}
        """;
}
