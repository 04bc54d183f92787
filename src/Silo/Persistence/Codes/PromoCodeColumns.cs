using Fashionistas.Grains.Contracts;
using Fashionistas.Silo.Persistence.Inventory;
using Npgsql;

namespace Fashionistas.Silo.Persistence.Codes;

/// <summary>Reads the definition columns of promo_codes, shared by the grain's store and the organizer's list.</summary>
internal static class PromoCodeColumns
{
    /// <summary>The columns, in the order <see cref="Read"/> expects them.</summary>
    public const string Definition =
        "id, event_id, code, percent_off, amount_off, ticket_type_ids, opens_presale, valid_from, valid_until, " +
        "max_uses, max_uses_per_buyer, disabled_at";

    /// <summary>How many columns <see cref="Definition"/> lists.</summary>
    public const int Count = 12;

    public static PromoCodeDefinition Read(NpgsqlDataReader reader, int first) => new(
        reader.GetGuid(first),
        reader.GetGuid(first + 1),
        reader.GetString(first + 2),
        reader.IsDBNull(first + 3) ? null : reader.GetInt32(first + 3),
        reader.IsDBNull(first + 4) ? null : reader.GetInt64(first + 4),
        reader.IsDBNull(first + 5) ? null : reader.GetFieldValue<Guid[]>(first + 5),
        reader.GetBoolean(first + 6),
        TicketTypeColumns.NullableTime(reader, first + 7),
        TicketTypeColumns.NullableTime(reader, first + 8),
        reader.IsDBNull(first + 9) ? null : reader.GetInt32(first + 9),
        reader.IsDBNull(first + 10) ? null : reader.GetInt32(first + 10),
        TicketTypeColumns.NullableTime(reader, first + 11));
}
