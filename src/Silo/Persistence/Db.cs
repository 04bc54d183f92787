using Npgsql;
using NpgsqlTypes;

namespace Fashionistas.Silo.Persistence;

/// <summary>Small helpers for positional, typed Npgsql parameters.</summary>
internal static class Db
{
    public static NpgsqlParameter Value<T>(T value) => new NpgsqlParameter<T> { TypedValue = value };

    /// <summary>timestamptz wants UTC: a time entered with an offset is stored as the same instant in UTC.</summary>
    public static NpgsqlParameter Time(DateTimeOffset value) =>
        new NpgsqlParameter<DateTimeOffset> { TypedValue = value.ToUniversalTime() };

    public static NpgsqlParameter Nullable(DateTimeOffset? value) => value is { } v
        ? Time(v)
        : new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = DBNull.Value };

    public static NpgsqlParameter Nullable(long? value) => value is { } v
        ? Value(v)
        : new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = DBNull.Value };

    public static NpgsqlParameter Nullable(int? value) => value is { } v
        ? Value(v)
        : new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = DBNull.Value };

    public static NpgsqlParameter Nullable(Guid? value) => value is { } v
        ? Value(v)
        : new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = DBNull.Value };

    public static NpgsqlParameter Nullable(string? value) => value is not null
        ? Value(value)
        : new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = DBNull.Value };

    public static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }
}
