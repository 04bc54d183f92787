using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Fashionistas.Silo.Persistence.WaitingRoom;

/// <summary>
/// Waiting rooms in PostgreSQL: a batch is one transaction of one <see cref="NpgsqlBatch"/> (the room row fenced on its
/// version, then entries as arrays), with every row count checked against what the grain decided.
/// </summary>
public sealed class NpgsqlWaitingRoomStore(InventoryDataSource connections) : IWaitingRoomStore
{
    private const string FencedRoom = "the room (fenced)";

    private const string RoomColumns =
        "enabled, opens_at, admission_per_minute, shopping_seconds, paused, shuffled_at, admitted_through, next_position";

    public async Task<StoredWaitingRoom?> LoadAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var batch = connections.DataSource.CreateBatch();
        batch.BatchCommands.Add(Db.Command($"SELECT {RoomColumns}, version FROM waiting_rooms WHERE event_id = $1", Db.Value(eventId)));
        batch.BatchCommands.Add(Db.Command(
            "SELECT account_id, arrived_at, position, admitted_at FROM waiting_room_entries WHERE event_id = $1", Db.Value(eventId)));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var room = new WaitingRoomRow(
            reader.GetBoolean(0),
            new WaitingRoomSettings(
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetInt32(2),
                TimeSpan.FromSeconds(reader.GetInt32(3))),
            reader.GetBoolean(4),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
            reader.GetInt32(6),
            reader.GetInt32(7));
        var version = reader.GetInt64(8);
        await reader.NextResultAsync(cancellationToken);
        var entries = new List<StoredQueueEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new StoredQueueEntry(
                reader.GetGuid(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return new StoredWaitingRoom(room, version, entries);
    }

    public async Task CommitAsync(WaitingRoomBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var r = batch.Room;
        await using var connection = await connections.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new CountedBatch(connection, transaction);

        // The fence: a first write inserts (expected version 0), later ones update only the version this activation read.
        command.Add(FencedRoom, 1, Db.Command(
            $"""
            INSERT INTO waiting_rooms (event_id, {RoomColumns}, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10 + 1)
            ON CONFLICT (event_id) DO UPDATE SET enabled = $2, opens_at = $3, admission_per_minute = $4, shopping_seconds = $5,
                paused = $6, shuffled_at = $7, admitted_through = $8, next_position = $9, version = $10 + 1
            WHERE waiting_rooms.version = $10
            """,
            Db.Value(batch.EventId),
            Db.Value(r.Enabled),
            Db.Time(r.Settings.OpensAt),
            Db.Nullable(r.Settings.AdmissionPerMinute),
            Db.Value((int)Math.Ceiling(r.Settings.ShoppingTime.TotalSeconds)),
            Db.Value(r.Paused),
            Db.Nullable(r.ShuffledAt),
            Db.Value(r.AdmittedThrough),
            Db.Value(r.NextPosition),
            Db.Value(batch.ExpectedVersion)));
        if (batch.NewEntries.Count > 0)
        {
            command.Add("new entries", batch.NewEntries.Count, Db.Command(
                """
                INSERT INTO waiting_room_entries (event_id, account_id, arrived_at, position)
                SELECT $1, e.account_id, e.arrived_at, e.position
                FROM unnest($2::uuid[], $3::timestamptz[], $4::int[]) AS e (account_id, arrived_at, position)
                """,
                Db.Value(batch.EventId),
                Db.Value(batch.NewEntries.Select(e => e.AccountId).ToArray()),
                Db.Value(batch.NewEntries.Select(e => e.ArrivedAt.ToUniversalTime()).ToArray()),
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer, Value = batch.NewEntries.Select(e => e.Position).ToArray() }));
        }

        if (batch.Placed.Count > 0)
        {
            command.Add("placed entries", batch.Placed.Count, Db.Command(
                """
                UPDATE waiting_room_entries AS w SET position = p.position
                FROM unnest($2::uuid[], $3::int[]) AS p (account_id, position)
                WHERE w.event_id = $1 AND w.account_id = p.account_id AND w.position IS NULL
                """,
                Db.Value(batch.EventId),
                Db.Value(batch.Placed.Select(p => p.AccountId).ToArray()),
                Db.Value(batch.Placed.Select(p => p.Position).ToArray())));
        }

        foreach (var (from, to, at) in batch.Admitted)
        {
            command.Add($"admitted positions {from}-{to}", to - from + 1, Db.Command(
                "UPDATE waiting_room_entries SET admitted_at = $4 WHERE event_id = $1 AND position BETWEEN $2 AND $3 AND admitted_at IS NULL",
                Db.Value(batch.EventId), Db.Value(from), Db.Value(to), Db.Time(at)));
        }

        switch (await command.ExecuteAsync(cancellationToken))
        {
            case { What: FencedRoom }:
                throw new WaitingRoomFencedException(batch.EventId, batch.ExpectedVersion);
            case { } mismatch:
                throw new InvalidOperationException(mismatch.Describe($"Waiting room {batch.EventId}"));
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
