using Dapper;
using Fashionistas.Silo.Media;
using Npgsql;

namespace Fashionistas.Silo.Industry;

/// <summary>Table <c>model_photos</c>: a model's portfolio.</summary>
public sealed class ModelPhotoStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "id AS Id, model_id AS ModelId, url AS Url, public_id AS PublicId, content_type AS ContentType, bytes AS Bytes, caption AS Caption";

    /// <summary>Records a stored file in the model's portfolio; null when the model has no profile.</summary>
    public async Task<ModelPhoto?> AddAsync(Guid modelId, StoredMedia media, string? caption, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(media);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ModelPhoto>(new CommandDefinition(
            $"""
            INSERT INTO model_photos (id, model_id, public_id, url, content_type, bytes, caption)
            SELECT @id, user_id, @PublicId, @Url, @ContentType, @Bytes, @caption FROM models WHERE user_id = @modelId
            RETURNING {Columns}
            """,
            new { id = Guid.NewGuid(), modelId, media.PublicId, media.Url, media.ContentType, media.Bytes, caption },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ModelPhoto>> ListAsync(Guid modelId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ModelPhoto>(new CommandDefinition(
            $"SELECT {Columns} FROM model_photos WHERE model_id = @modelId ORDER BY created_at, id",
            new { modelId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Deletes one of the model's photos; its stored file goes after the commit (outbox). False when it is not theirs.</summary>
    public async Task<bool> DeleteAsync(Guid modelId, Guid photoId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            WITH gone AS (
                DELETE FROM model_photos WHERE id = @photoId AND model_id = @modelId
                RETURNING public_id, url, content_type
            )
            {MediaDeletions.InsertFrom("gone")}
            """,
            new { photoId, modelId }, cancellationToken: cancellationToken)) > 0;
    }
}
