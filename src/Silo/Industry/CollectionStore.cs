using Dapper;
using Fashionistas.Silo.Media;
using Npgsql;

namespace Fashionistas.Silo.Industry;

/// <summary>Tables <c>collections</c> and <c>fashion_images</c>.</summary>
public sealed class CollectionStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "id AS Id, designer_id AS DesignerId, name AS Name, season AS Season, description AS Description, pieces AS Pieces";

    private const string ImageColumns =
        "id AS Id, collection_id AS CollectionId, url AS Url, public_id AS PublicId, content_type AS ContentType, bytes AS Bytes, caption AS Caption";

    /// <summary>Creates a collection of <paramref name="designerId"/>; null when that designer has no profile.</summary>
    public async Task<Collection?> CreateAsync(Guid designerId, CollectionFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Collection>(new CommandDefinition(
            $"""
            INSERT INTO collections (id, designer_id, name, season, description, pieces)
            SELECT @id, user_id, @Name, @Season, @Description, @Pieces FROM designers WHERE user_id = @designerId
            RETURNING {Columns}
            """,
            new { id = Guid.NewGuid(), designerId, fields.Name, fields.Season, fields.Description, fields.Pieces },
            cancellationToken: cancellationToken));
    }

    public async Task<Collection?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Collection>(new CommandDefinition(
            $"SELECT {Columns} FROM collections WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Collection>> ListByDesignerAsync(Guid designerId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Collection>(new CommandDefinition(
            $"SELECT {Columns} FROM collections WHERE designer_id = @designerId ORDER BY created_at, id",
            new { designerId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Replaces the collection's details; null when it does not exist.</summary>
    public async Task<Collection?> UpdateAsync(Guid id, CollectionFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Collection>(new CommandDefinition(
            $"""
            UPDATE collections SET name = @Name, season = @Season, description = @Description, pieces = @Pieces, updated_at = now()
            WHERE id = @id RETURNING {Columns}
            """,
            new { id, fields.Name, fields.Season, fields.Description, fields.Pieces }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Deletes the collection with its images and show entries; false when it did not exist. The images' stored files
    /// are removed after the commit (outbox).
    /// </summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Locked first: an upload racing this delete waits for it (then finds no collection) instead of adding an
        // image whose file nobody would remove.
        var exists = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            "SELECT id FROM collections WHERE id = @id FOR UPDATE", new { id }, transaction, cancellationToken: cancellationToken));
        if (exists is null)
        {
            return false;
        }

        await MediaDeletions.QueueAsync(connection, transaction, "i.collection_id = @id", new { id }, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM collections WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Records a stored file as an image of the collection; null when the collection is gone.</summary>
    public async Task<FashionImage?> AddImageAsync(
        Guid collectionId, StoredMedia media, string? caption, Guid uploadedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(media);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<FashionImage>(new CommandDefinition(
            $"""
            INSERT INTO fashion_images (id, collection_id, public_id, url, content_type, bytes, caption, uploaded_by)
            SELECT @id, c.id, @PublicId, @Url, @ContentType, @Bytes, @caption, @uploadedBy FROM collections c WHERE c.id = @collectionId
            RETURNING {ImageColumns}
            """,
            new { id = Guid.NewGuid(), collectionId, media.PublicId, media.Url, media.ContentType, media.Bytes, caption, uploadedBy },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<FashionImage>> ImagesAsync(Guid collectionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<FashionImage>(new CommandDefinition(
            $"SELECT {ImageColumns} FROM fashion_images WHERE collection_id = @collectionId ORDER BY created_at, id",
            new { collectionId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// Deletes an image of the collection; false when it is not one of its images. Its stored file is removed after
    /// the commit (outbox), so a failing media service never fails or undoes the delete.
    /// </summary>
    public async Task<bool> DeleteImageAsync(Guid collectionId, Guid imageId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            WITH gone AS (
                DELETE FROM fashion_images WHERE id = @imageId AND collection_id = @collectionId
                RETURNING public_id, url, content_type
            )
            {MediaDeletions.InsertFrom("gone")}
            """,
            new { imageId, collectionId }, cancellationToken: cancellationToken)) > 0;
    }
}
