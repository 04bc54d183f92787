using Fashionistas.Grains.Contracts;
using Npgsql;

namespace Fashionistas.Silo.Persistence.Inventory;

/// <summary>Reads and writes the definition columns of ticket_types, shared by the inventory and event stores.</summary>
internal static class TicketTypeColumns
{
    /// <summary>The definition columns, in the order <see cref="ReadDefinition"/> expects them.</summary>
    public const string Definition =
        "name, description, price, capacity, per_buyer_limit, sales_start, sales_end, early_bird_price, " +
        "early_bird_deadline, group_discount_threshold, group_discount_percentage, hidden";

    /// <summary>How many columns <see cref="Definition"/> lists.</summary>
    public const int DefinitionCount = 12;

    public static TicketTypeDefinition ReadDefinition(NpgsqlDataReader reader, int first) => new(
        reader.GetString(first),
        reader.GetString(first + 1),
        reader.GetInt64(first + 2),
        reader.GetInt32(first + 3),
        reader.GetInt32(first + 4),
        NullableTime(reader, first + 5),
        NullableTime(reader, first + 6),
        reader.IsDBNull(first + 7) ? null : reader.GetInt64(first + 7),
        NullableTime(reader, first + 8),
        reader.IsDBNull(first + 9) ? null : reader.GetInt32(first + 9),
        reader.IsDBNull(first + 10) ? null : reader.GetInt32(first + 10),
        reader.GetBoolean(first + 11));

    /// <summary>Adds the definition's values as the next positional parameters, in <see cref="Definition"/> order.</summary>
    public static void AddDefinition(NpgsqlParameterCollection parameters, TicketTypeDefinition d)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(d);
        parameters.Add(Db.Value(d.Name));
        parameters.Add(Db.Value(d.Description));
        parameters.Add(Db.Value(d.Price));
        parameters.Add(Db.Value(d.Capacity));
        parameters.Add(Db.Value(d.PerBuyerLimit));
        parameters.Add(Db.Nullable(d.SalesStart));
        parameters.Add(Db.Nullable(d.SalesEnd));
        parameters.Add(Db.Nullable(d.EarlyBirdPrice));
        parameters.Add(Db.Nullable(d.EarlyBirdDeadline));
        parameters.Add(Db.Nullable(d.GroupDiscountThreshold));
        parameters.Add(Db.Nullable(d.GroupDiscountPercentage));
        parameters.Add(Db.Value(d.Hidden));
    }

    public static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
