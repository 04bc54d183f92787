using Dapper;
using Npgsql;

namespace Fashionistas.Silo.Industry;

/// <summary>Table <c>models</c>: one profile per model user.</summary>
public sealed class ModelStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "user_id AS UserId, display_name AS DisplayName, bio AS Bio, city AS City, height_cm AS HeightCm, bust_cm AS BustCm, " +
        "waist_cm AS WaistCm, hips_cm AS HipsCm, availability AS Availability";

    /// <summary>Creates or replaces <paramref name="userId"/>'s profile.</summary>
    public async Task<ModelProfile> UpsertAsync(Guid userId, ModelFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<ModelProfile>(new CommandDefinition(
            $"""
            INSERT INTO models (user_id, display_name, bio, city, height_cm, bust_cm, waist_cm, hips_cm, availability)
            VALUES (@userId, @DisplayName, @Bio, @City, @HeightCm, @BustCm, @WaistCm, @HipsCm, @Availability)
            ON CONFLICT (user_id) DO UPDATE SET display_name = excluded.display_name, bio = excluded.bio, city = excluded.city,
                height_cm = excluded.height_cm, bust_cm = excluded.bust_cm, waist_cm = excluded.waist_cm,
                hips_cm = excluded.hips_cm, availability = excluded.availability, updated_at = now()
            RETURNING {Columns}
            """,
            new
            {
                userId, fields.DisplayName, fields.Bio, fields.City, fields.HeightCm, fields.BustCm, fields.WaistCm, fields.HipsCm,
                fields.Availability,
            },
            cancellationToken: cancellationToken));
    }

    public async Task<ModelProfile?> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ModelProfile>(new CommandDefinition(
            $"SELECT {Columns} FROM models WHERE user_id = @userId", new { userId }, cancellationToken: cancellationToken));
    }

    /// <summary>A page of profiles by display name.</summary>
    public async Task<(IReadOnlyList<ModelProfile> Items, long Total)> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM models", cancellationToken: cancellationToken));
        var items = await connection.QueryAsync<ModelProfile>(new CommandDefinition(
            $"SELECT {Columns} FROM models ORDER BY lower(display_name), user_id LIMIT @limit OFFSET @offset",
            new { limit = pageSize, offset = (page - 1) * pageSize }, cancellationToken: cancellationToken));
        return (items.AsList(), total);
    }

    /// <summary>
    /// Deletes the profile with its photos and show entries; false when there was none. The photos' stored files are
    /// removed after the commit (outbox).
    /// </summary>
    public async Task<bool> DeleteAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Locked first, so no photo is added behind the queued deletions.
        var exists = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            "SELECT user_id FROM models WHERE user_id = @userId FOR UPDATE", new { userId }, transaction, cancellationToken: cancellationToken));
        if (exists is null)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            MediaDeletions.InsertFrom("model_photos WHERE model_id = @userId"), new { userId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM models WHERE user_id = @userId", new { userId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
