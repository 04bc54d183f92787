using Dapper;
using Npgsql;

namespace Fashionistas.Silo.Industry;

/// <summary>Table <c>designers</c>: one profile per designer user.</summary>
public sealed class DesignerStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "user_id AS UserId, brand_name AS BrandName, bio AS Bio, city AS City, instagram AS Instagram, website AS Website";

    /// <summary>Creates or replaces <paramref name="userId"/>'s profile.</summary>
    public async Task<DesignerProfile> UpsertAsync(Guid userId, DesignerFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<DesignerProfile>(new CommandDefinition(
            $"""
            INSERT INTO designers (user_id, brand_name, bio, city, instagram, website)
            VALUES (@userId, @BrandName, @Bio, @City, @Instagram, @Website)
            ON CONFLICT (user_id) DO UPDATE SET brand_name = excluded.brand_name, bio = excluded.bio, city = excluded.city,
                instagram = excluded.instagram, website = excluded.website, updated_at = now()
            RETURNING {Columns}
            """,
            new { userId, fields.BrandName, fields.Bio, fields.City, fields.Instagram, fields.Website },
            cancellationToken: cancellationToken));
    }

    public async Task<DesignerProfile?> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<DesignerProfile>(new CommandDefinition(
            $"SELECT {Columns} FROM designers WHERE user_id = @userId", new { userId }, cancellationToken: cancellationToken));
    }

    /// <summary>A page of profiles by brand name.</summary>
    public async Task<(IReadOnlyList<DesignerProfile> Items, long Total)> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM designers", cancellationToken: cancellationToken));
        var items = await connection.QueryAsync<DesignerProfile>(new CommandDefinition(
            $"SELECT {Columns} FROM designers ORDER BY lower(brand_name), user_id LIMIT @limit OFFSET @offset",
            new { limit = pageSize, offset = (page - 1) * pageSize }, cancellationToken: cancellationToken));
        return (items.AsList(), total);
    }

    /// <summary>
    /// Deletes the profile with its collections, images and show entries; false when there was none. The images'
    /// stored files are removed after the commit (outbox).
    /// </summary>
    public async Task<bool> DeleteAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The profile and its collections locked first, so no image is added behind the queued deletions.
        var exists = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            "SELECT user_id FROM designers WHERE user_id = @userId FOR UPDATE", new { userId }, transaction, cancellationToken: cancellationToken));
        if (exists is null)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT 1 FROM collections WHERE designer_id = @userId FOR UPDATE", new { userId }, transaction, cancellationToken: cancellationToken));
        await MediaDeletions.QueueAsync(
            connection, transaction, "i.collection_id IN (SELECT id FROM collections WHERE designer_id = @userId)", new { userId }, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM designers WHERE user_id = @userId", new { userId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
