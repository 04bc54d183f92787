using System.Runtime.CompilerServices;
using Npgsql;

namespace Fashionistas.Silo.Checkout;

/// <summary>
/// An event's guest list: every valid ticket with its current owner (after transfers), sorted by name, streamed so a
/// sold-out arena does not sit in memory. The door's fallback when the scanner or the network fails.
/// </summary>
public sealed class GuestList(NpgsqlDataSource dataSource)
{
    public async IAsyncEnumerable<GuestListEntry> ReadAsync(Guid eventId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT u.display_name, u.email, tt.name, t.code, t.order_id, c.checked_in_at, t.attendee_name, t.attendee_document
            FROM tickets t
            JOIN users u ON u.id = t.owner_id
            JOIN ticket_types tt ON tt.id = t.ticket_type_id
            LEFT JOIN check_ins c ON c.ticket_id = t.id
            WHERE t.event_id = $1 AND t.status = 'valid'
            ORDER BY lower(u.display_name), u.email, tt.name, t.code
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = eventId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new GuestListEntry(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetGuid(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5))
            {
                NamedAttendee = reader.IsDBNull(6) ? null : reader.GetString(6),
                AttendeeDocument = reader.IsDBNull(7) ? null : reader.GetString(7),
            };
        }
    }
}
