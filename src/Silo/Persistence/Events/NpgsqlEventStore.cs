using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Storage;
using Fashionistas.Silo.Outbox;
using Fashionistas.Silo.Persistence.Inventory;
using Npgsql;

namespace Fashionistas.Silo.Persistence.Events;

/// <summary>Events, their status history and new ticket types in PostgreSQL.</summary>
public sealed class NpgsqlEventStore(NpgsqlDataSource dataSource) : IEventStore
{
    private const string EventColumns =
        "organizer_id, name, description, venue, starts_at, ends_at, capacity, status, created_at, updated_at";

    private const string InsertHistory =
        "INSERT INTO event_status_history (event_id, previous_status, new_status, changed_by, reason) VALUES ($1, $2, $3, $4, $5)";

    public async Task<StoredEvent?> LoadAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Db.Command($"SELECT {EventColumns} FROM events WHERE id = $1", Db.Value(eventId)));
        batch.BatchCommands.Add(Db.Command(
            $"SELECT id, held, sold, {TicketTypeColumns.Definition} FROM ticket_types WHERE event_id = $1 ORDER BY created_at, id",
            Db.Value(eventId)));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var organizerId = reader.GetGuid(0);
        var details = new EventDraft(
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetFieldValue<DateTimeOffset>(4),
            reader.GetFieldValue<DateTimeOffset>(5),
            reader.GetInt32(6));
        var status = EventStatusNames.Parse(reader.GetString(7));
        var createdAt = reader.GetFieldValue<DateTimeOffset>(8);
        var updatedAt = reader.GetFieldValue<DateTimeOffset>(9);

        await reader.NextResultAsync(cancellationToken);
        var ticketTypes = new List<StoredTicketType>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ticketTypes.Add(new StoredTicketType(
                new TicketTypeSnapshot(reader.GetGuid(0), eventId, TicketTypeColumns.ReadDefinition(reader, 3)),
                reader.GetInt32(1),
                reader.GetInt32(2)));
        }

        return new StoredEvent(eventId, organizerId, details, status, createdAt, updatedAt, ticketTypes);
    }

    public async Task<bool> InsertAsync(StoredEvent storedEvent, StatusChange created, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storedEvent);
        ArgumentNullException.ThrowIfNull(created);
        var d = storedEvent.Details;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Db.Command(
                    $"INSERT INTO events (id, {EventColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING",
                    Db.Value(storedEvent.Id),
                    Db.Value(storedEvent.OrganizerId),
                    Db.Value(d.Name),
                    Db.Value(d.Description),
                    Db.Value(d.Venue),
                    Db.Time(d.StartsAt),
                    Db.Time(d.EndsAt),
                    Db.Value(d.Capacity),
                    Db.Value(storedEvent.Status.ToStorageName()),
                    Db.Time(storedEvent.CreatedAt),
                    Db.Time(storedEvent.UpdatedAt)),
            },
        };

        try
        {
            if (await batch.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return false;
            }

            await AppendHistoryAsync(connection, transaction, storedEvent.Id, created, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return false;
        }
    }

    public async Task UpdateDetailsAsync(Guid eventId, EventDraft details, DateTimeOffset updatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        await using var command = dataSource.CreateCommand(
            "UPDATE events SET name = $2, description = $3, venue = $4, starts_at = $5, ends_at = $6, capacity = $7, updated_at = $8 WHERE id = $1");
        command.Parameters.AddRange(new NpgsqlParameter[]
        {
            Db.Value(eventId),
            Db.Value(details.Name),
            Db.Value(details.Description),
            Db.Value(details.Venue),
            Db.Time(details.StartsAt),
            Db.Time(details.EndsAt),
            Db.Value(details.Capacity),
            Db.Time(updatedAt),
        });
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new InvalidOperationException($"Event {eventId} does not exist.");
        }
    }

    public async Task<bool> ChangeStatusAsync(Guid eventId, StatusChange change, DateTimeOffset updatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = new NpgsqlCommand(
            "UPDATE events SET status = $2, updated_at = $3 WHERE id = $1 AND status = $4", connection, transaction)
        {
            Parameters =
            {
                Db.Value(eventId),
                Db.Value(change.To.ToStorageName()),
                Db.Time(updatedAt),
                Db.Nullable(change.From?.ToStorageName()),
            },
        };
        if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new InvalidOperationException(
                $"Event {eventId} is no longer {change.From?.ToStorageName()}: it was changed outside its grain.");
        }

        try
        {
            await AppendHistoryAsync(connection, transaction, eventId, change, cancellationToken);
            if (change.To == EventStatus.Cancelled)
            {
                // Refunds follow from the cancellation itself: queued in its transaction, so none is ever forgotten.
                await OutboxStore.EnqueueAsync(connection, transaction, OutboxKinds.EventCancelled, "eventId", eventId, cancellationToken);
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task InsertTicketTypeAsync(TicketTypeSnapshot ticketType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticketType);
        var placeholders = string.Join(", ", Enumerable.Range(3, TicketTypeColumns.DefinitionCount).Select(i => $"${i}"));
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO ticket_types (id, event_id, {TicketTypeColumns.Definition}) VALUES ($1, $2, {placeholders})");
        command.Parameters.Add(Db.Value(ticketType.Id));
        command.Parameters.Add(Db.Value(ticketType.EventId));
        TicketTypeColumns.AddDefinition(command.Parameters, ticketType.Definition);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> DeleteDraftAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM events WHERE id = $1 AND status = 'draft'");
        command.Parameters.Add(Db.Value(eventId));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task AppendHistoryAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid eventId, StatusChange change, CancellationToken cancellationToken)
    {
        await using var history = new NpgsqlCommand(InsertHistory, connection, transaction)
        {
            Parameters =
            {
                Db.Value(eventId),
                Db.Nullable(change.From?.ToStorageName()),
                Db.Value(change.To.ToStorageName()),
                Db.Nullable(change.By),
                Db.Nullable(change.Reason),
            },
        };
        await history.ExecuteNonQueryAsync(cancellationToken);
    }
}
