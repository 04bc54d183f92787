using Dapper;
using Npgsql;

namespace Fashionistas.Silo.Shows;

/// <summary>Table <c>backstage_slots</c>: the event's organizer writes the schedule; people read theirs in their agenda.</summary>
public sealed class BackstageStore(NpgsqlDataSource dataSource)
{
    private const string Select = """
        SELECT b.id AS Id, b.event_id AS EventId, b.kind AS Kind, b.title AS Title, b.starts_at AS StartsAt, b.ends_at AS EndsAt,
               b.location AS Location, b.person_id AS PersonId, u.display_name AS PersonName
        FROM backstage_slots b LEFT JOIN users u ON u.id = b.person_id
        """;

    /// <summary>
    /// Adds a slot; null when it names a person who is not in the show (an accepted model, or the designer of an
    /// accepted collection): the schedule only reaches people who agreed to be there.
    /// </summary>
    public async Task<BackstageSlot?> AddAsync(Guid eventId, BackstageSlotFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            $"""
            INSERT INTO backstage_slots (id, event_id, kind, title, starts_at, ends_at, location, person_id)
            SELECT @id, @eventId, @Kind, @Title, @StartsAt, @EndsAt, @Location, @PersonId
            WHERE @PersonId::uuid IS NULL OR @PersonId IN ({ShowPeople.Sql})
            RETURNING id
            """,
            new { id = Guid.NewGuid(), eventId, fields.Kind, fields.Title, fields.StartsAt, fields.EndsAt, fields.Location, fields.PersonId },
            cancellationToken: cancellationToken));
        return id is null
            ? null
            : await connection.QuerySingleAsync<BackstageSlot>(new CommandDefinition(
                $"{Select} WHERE b.id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<BackstageSlot>> ListAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<BackstageSlot>(new CommandDefinition(
            $"{Select} WHERE b.event_id = @eventId ORDER BY b.starts_at, b.id", new { eventId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>False when the slot is not one of the event's.</summary>
    public async Task<bool> DeleteAsync(Guid eventId, Guid slotId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM backstage_slots WHERE id = @slotId AND event_id = @eventId", new { eventId, slotId },
            cancellationToken: cancellationToken)) > 0;
    }
}
