using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Tickets;

/// <summary>
/// Attendee names on tickets and the event setting that asks for a document number. The owner of a valid ticket may
/// name it (or rename it) until the ticket is scanned at the door.
/// </summary>
public sealed class TicketAttendees(NpgsqlDataSource dataSource)
{
    /// <summary>Whether the event asks each attendee's document number; false for an unknown event.</summary>
    public async Task<bool> IsDocumentRequiredAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT attendee_document_required FROM events WHERE id = $1");
        command.Parameters.Add(Db.Value(eventId));
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    public async Task SetDocumentRequiredAsync(Guid eventId, bool required, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE events SET attendee_document_required = $2, updated_at = now() WHERE id = $1");
        command.Parameters.AddRange(new NpgsqlParameter[] { Db.Value(eventId), Db.Value(required) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Names the owner's valid ticket, not yet checked in; false when there is no such ticket of <paramref name="ownerId"/>
    /// (or it was scanned already: the name the door saw stays).
    /// </summary>
    public async Task<bool> NameAsync(string code, Guid ownerId, string name, string? document, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE tickets t SET attendee_name = $3, attendee_document = $4, updated_at = now()
            WHERE t.code = $1 AND t.owner_id = $2 AND t.status = 'valid'
              AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.ticket_id = t.id)
            """);
        command.Parameters.AddRange(new NpgsqlParameter[] { Db.Value(code), Db.Value(ownerId), Db.Value(name), Db.Nullable(document) });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
