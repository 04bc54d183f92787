using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Checkout;

/// <summary>Table <c>webhook_events</c>: which provider events were applied, so a redelivery is applied once.</summary>
public sealed class WebhookEvents(NpgsqlDataSource dataSource)
{
    private const string InsertSql = """
        INSERT INTO webhook_events (provider, event_id, event_type) VALUES ($1, $2, $3)
        ON CONFLICT (provider, event_id) DO NOTHING
        """;

    public async Task<bool> IsAppliedAsync(string provider, string eventId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM webhook_events WHERE provider = $1 AND event_id = $2)");
        command.Parameters.AddRange(new NpgsqlParameter[] { Db.Value(provider), Db.Value(eventId) });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Records the event after effects that are idempotent on their own; false when it was recorded before.</summary>
    public async Task<bool> RecordAsync(string provider, string eventId, string eventType, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(InsertSql);
        command.Parameters.AddRange(new NpgsqlParameter[] { Db.Value(provider), Db.Value(eventId), Db.Value(eventType) });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Records the event in the caller's transaction, before its effect: false means another delivery got there first
    /// and the caller must apply nothing (its transaction then commits nothing of its own).
    /// </summary>
    public static async Task<bool> TryRecordAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string provider, string eventId, string eventType,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(InsertSql, connection, transaction);
        command.Parameters.AddRange(new NpgsqlParameter[] { Db.Value(provider), Db.Value(eventId), Db.Value(eventType) });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
