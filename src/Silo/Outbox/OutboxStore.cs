using Npgsql;
using NpgsqlTypes;

namespace Fashionistas.Silo.Outbox;

/// <summary>
/// Table <c>outbox</c>. Writers add rows inside their own transaction (<see cref="EnqueueAsync"/>); the dispatcher
/// claims due rows (a lease, so several nodes never deliver the same row at once), then marks each delivered,
/// rescheduled or parked. A parked row keeps <c>processed_at</c> NULL and waits at <c>next_attempt_at = 'infinity'</c>.
/// </summary>
public sealed class OutboxStore(NpgsqlDataSource dataSource)
{
    private const string ClaimSql = """
        UPDATE outbox o SET attempts = o.attempts + 1, next_attempt_at = $2
        FROM (SELECT id FROM outbox
              WHERE processed_at IS NULL AND next_attempt_at <= $1
              ORDER BY next_attempt_at, id
              LIMIT $3
              FOR UPDATE SKIP LOCKED) due
        WHERE o.id = due.id
        RETURNING o.id, o.kind, o.payload::text, o.attempts
        """;

    /// <summary>Adds a message in the caller's transaction, so it exists exactly when the change it announces does.</summary>
    public static async Task EnqueueAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string kind, Guid orderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(
            "INSERT INTO outbox (kind, payload) VALUES ($1, jsonb_build_object('orderId', $2::uuid))", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = kind });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = orderId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Adds a message whose payload is <c>{"<paramref name="property"/>": id}</c>, in the caller's transaction.</summary>
    public static async Task EnqueueAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string kind, string property, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(
            "INSERT INTO outbox (kind, payload) VALUES ($1, jsonb_build_object($2::text, $3::uuid))", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = kind });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = property });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Claims up to <paramref name="limit"/> due messages until <paramref name="leaseUntil"/>.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(
        DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = leaseUntil.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<OutboxMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new OutboxMessage(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
        }

        return messages;
    }

    public Task MarkProcessedAsync(long id, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE outbox SET processed_at = $2, last_error = NULL WHERE id = $1",
            cancellationToken,
            new NpgsqlParameter<long> { TypedValue = id },
            new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToUniversalTime() });

    public Task RescheduleAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE outbox SET next_attempt_at = $2, last_error = $3 WHERE id = $1",
            cancellationToken,
            new NpgsqlParameter<long> { TypedValue = id },
            new NpgsqlParameter<DateTimeOffset> { TypedValue = nextAttemptAt.ToUniversalTime() },
            new NpgsqlParameter<string> { TypedValue = error });

    public Task ParkAsync(long id, string error, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE outbox SET next_attempt_at = 'infinity', last_error = $2 WHERE id = $1",
            cancellationToken,
            new NpgsqlParameter<long> { TypedValue = id },
            new NpgsqlParameter<string> { TypedValue = error, NpgsqlDbType = NpgsqlDbType.Text });

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
