using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Storage;
using Npgsql;

namespace Fashionistas.Silo.Persistence;

/// <summary>
/// The one SELECT list for a holds row and its reader into <see cref="StoredHold"/>, shared by the inventory store,
/// the hold queries and checkout: the hold's shape is declared once (the API answer maps from it).
/// </summary>
public static class HoldReader
{
    public const string Columns =
        "id, ticket_type_id, event_id, buyer_id, quantity, unit_price, total, status, idempotency_key, expires_at, created_at, allocation_id";

    public const int ColumnCount = 12;

    /// <summary><see cref="Columns"/> of the table aliased <paramref name="alias"/> (e.g. <c>h.</c>).</summary>
    public static string Prefixed(string alias) => string.Join(", ", Columns.Split(", ").Select(c => alias + c));

    /// <summary>The hold in the current row, its columns from <paramref name="first"/> on.</summary>
    public static StoredHold Read(NpgsqlDataReader reader, int first = 0)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new StoredHold(
            reader.GetGuid(first),
            reader.GetGuid(first + 1),
            reader.GetGuid(first + 2),
            reader.GetGuid(first + 3),
            reader.GetInt32(first + 4),
            reader.GetInt64(first + 5),
            reader.GetInt64(first + 6),
            HoldStatusNames.Parse(reader.GetString(first + 7)),
            reader.IsDBNull(first + 8) ? null : reader.GetString(first + 8),
            reader.GetFieldValue<DateTimeOffset>(first + 9),
            reader.GetFieldValue<DateTimeOffset>(first + 10),
            reader.IsDBNull(first + 11) ? null : reader.GetGuid(first + 11));
    }
}
