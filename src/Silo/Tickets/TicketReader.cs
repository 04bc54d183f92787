using Npgsql;

namespace Fashionistas.Silo.Tickets;

/// <summary>The one SELECT list for <see cref="TicketRecord"/> and its reader, shared by every ticket query.</summary>
internal static class TicketReader
{
    public const string Select = """
        SELECT t.id, t.code, t.order_id, t.ticket_type_id, tt.name, t.event_id, e.name, e.organizer_id,
               t.owner_id, u.display_name, t.status, t.created_at, c.checked_in_at, t.attendee_name, t.attendee_document
        FROM tickets t
        JOIN ticket_types tt ON tt.id = t.ticket_type_id
        JOIN events e ON e.id = t.event_id
        JOIN users u ON u.id = t.owner_id
        LEFT JOIN check_ins c ON c.ticket_id = t.id
        """;

    public static async Task<List<TicketRecord>> ReadAllAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var tickets = new List<TicketRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tickets.Add(new TicketRecord(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetGuid(2),
                reader.GetGuid(3),
                reader.GetString(4),
                reader.GetGuid(5),
                reader.GetString(6),
                reader.GetGuid(7),
                reader.GetGuid(8),
                reader.GetString(9),
                reader.GetString(10),
                reader.GetFieldValue<DateTimeOffset>(11),
                reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12))
            {
                AttendeeName = reader.IsDBNull(13) ? null : reader.GetString(13),
                AttendeeDocument = reader.IsDBNull(14) ? null : reader.GetString(14),
            });
        }

        return tickets;
    }
}
