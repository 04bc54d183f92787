using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Fashionistas.Silo.Persistence;

/// <summary>Rows of <c>audit_logs</c>, written in the caller's transaction so the trail matches what happened.</summary>
public static class AuditLog
{
    public static async Task WriteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        Guid? userId,
        string action,
        string entityType,
        Guid entityId,
        object changes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(
            "INSERT INTO audit_logs (user_id, action, entity_type, entity_id, changes) VALUES ($1, $2, $3, $4, $5)",
            connection,
            transaction);
        command.Parameters.Add(userId is { } id
            ? new NpgsqlParameter<Guid> { TypedValue = id }
            : new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = action });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entityType });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = entityId });
        command.Parameters.Add(new NpgsqlParameter<string>
        {
            TypedValue = JsonSerializer.Serialize(changes),
            NpgsqlDbType = NpgsqlDbType.Jsonb,
        });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
