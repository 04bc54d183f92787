using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Tickets;

/// <summary>
/// The event setting that asks each attendee's document number (the owner names tickets through
/// <c>Checkout.AttendeeNaming</c>).
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
}
