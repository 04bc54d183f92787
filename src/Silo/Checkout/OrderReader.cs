using Npgsql;

namespace Fashionistas.Silo.Checkout;

/// <summary>The one SELECT list for <see cref="OrderRecord"/> and its reader.</summary>
internal static class OrderReader
{
    /// <summary>The columns <see cref="Read"/> expects first, from orders <c>o</c>, events <c>e</c> and ticket_types <c>tt</c>.</summary>
    public const string Columns = """
        o.id, o.hold_id, o.buyer_id, o.event_id, e.organizer_id, e.name, o.ticket_type_id, tt.name,
               o.quantity, o.unit_price, o.total, o.refunded_amount, o.currency, o.status, o.payment_provider,
               o.payment_reference, o.created_at, o.paid_at, o.disputed_at, o.dispute_reason, o.order_group_id
        """;

    /// <summary>How many columns <see cref="Columns"/> has, so further columns of a row can follow.</summary>
    public const int ColumnCount = 21;

    public const string Select = "SELECT " + Columns + """

        FROM orders o
        JOIN events e ON e.id = o.event_id
        JOIN ticket_types tt ON tt.id = o.ticket_type_id
        """;

    public static async Task<List<OrderRecord>> ReadAllAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var orders = new List<OrderRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            orders.Add(Read(reader));
        }

        return orders;
    }

    /// <summary>The order in the current row's first <see cref="ColumnCount"/> columns.</summary>
    public static OrderRecord Read(NpgsqlDataReader reader) =>
        new(
            reader.GetGuid(0),
            reader.GetGuid(1),
            reader.GetGuid(2),
            reader.GetGuid(3),
            reader.GetGuid(4),
            reader.GetString(5),
            reader.GetGuid(6),
            reader.GetString(7),
            reader.GetInt32(8),
            reader.GetInt64(9),
            reader.GetInt64(10),
            reader.GetInt64(11),
            reader.GetString(12),
            reader.GetString(13),
            reader.GetString(14),
            reader.IsDBNull(15) ? null : reader.GetString(15),
            reader.GetFieldValue<DateTimeOffset>(16),
            reader.IsDBNull(17) ? null : reader.GetFieldValue<DateTimeOffset>(17),
            reader.IsDBNull(18) ? null : reader.GetFieldValue<DateTimeOffset>(18),
            reader.IsDBNull(19) ? null : reader.GetString(19))
        {
            GroupId = reader.IsDBNull(20) ? null : reader.GetGuid(20),
        };
}
