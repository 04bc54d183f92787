using Fashionistas.Silo.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Fashionistas.Silo.Checkout;

/// <summary>
/// Table <c>idempotency_keys</c>: the first successful answer to a request that carried an Idempotency-Key, replayed
/// to retries with the same key (also after a restart). Keys are scoped to an operation and its caller.
/// </summary>
public sealed class IdempotentAnswers(NpgsqlDataSource dataSource)
{
    /// <summary>The scope of a checkout's answers: one per hold.</summary>
    public static string CheckoutScope(Guid holdId) => $"checkout:{holdId}";

    /// <summary>The stored answer body (JSON), or null when the key is new.</summary>
    public async Task<string?> FindAsync(string scope, Guid ownerId, string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT response::text FROM idempotency_keys WHERE scope = $1 AND owner_id = $2 AND key = $3");
        command.Parameters.AddRange(new NpgsqlParameter[] { Db.Value(scope), Db.Value(ownerId), Db.Value(key) });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>Stores the answer unless one is stored already; returns the one that is kept (first writer wins).</summary>
    public async Task<string> SaveAsync(string scope, Guid ownerId, string key, int statusCode, string json, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO idempotency_keys (scope, owner_id, key, status_code, response) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (scope, owner_id, key) DO NOTHING
            """);
        command.Parameters.AddRange(new NpgsqlParameter[]
        {
            Db.Value(scope), Db.Value(ownerId), Db.Value(key), Db.Value(statusCode),
            new NpgsqlParameter<string> { TypedValue = json, NpgsqlDbType = NpgsqlDbType.Jsonb },
        });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1
            ? json
            : await FindAsync(scope, ownerId, key, cancellationToken) ?? json;
    }
}
