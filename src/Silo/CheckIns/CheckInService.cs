using Fashionistas.Grains.Publishing;
using Fashionistas.Silo.Persistence;
using Fashionistas.Silo.Tickets;
using Npgsql;

namespace Fashionistas.Silo.CheckIns;

/// <summary>
/// Door scans. One statement inserts the check-in only for a valid ticket of the event, and the primary key on
/// check_ins.ticket_id with ON CONFLICT DO NOTHING decides between concurrent scans of one code: exactly one admits.
/// Each admission tells the organizers' live dashboard the event's new attendance.
/// </summary>
public sealed class CheckInService(NpgsqlDataSource dataSource, TicketQueries tickets, ILiveDashboard dashboard)
{
    private const string ScanSql = """
        WITH ticket AS (
            SELECT id, event_id, status FROM tickets WHERE code = $1
        ), admitted AS (
            INSERT INTO check_ins (ticket_id, event_id, scanned_by, checked_in_at)
            SELECT id, event_id, $3, $4 FROM ticket WHERE event_id = $2 AND status = 'valid'
            ON CONFLICT (ticket_id) DO NOTHING
            RETURNING checked_in_at
        )
        SELECT ticket.event_id, ticket.status, (SELECT checked_in_at FROM admitted)
        FROM ticket
        """;

    /// <summary>
    /// The event's organizer and whether <paramref name="userId"/> is on its door staff, or null when there is no
    /// such event.
    /// </summary>
    public async Task<(Guid OrganizerId, bool IsStaff)?> DoorAccessAsync(Guid eventId, Guid? userId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT e.organizer_id, EXISTS (SELECT 1 FROM event_staff s WHERE s.event_id = e.id AND s.user_id = $2)
            FROM events e WHERE e.id = $1
            """);
        command.Parameters.Add(Db.Value(eventId));
        command.Parameters.Add(Db.Nullable(userId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetGuid(0), reader.GetBoolean(1)) : null;
    }

    public async Task<CheckInOutcome> CheckInAsync(
        Guid eventId, string code, Guid scannedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        string status;
        bool admitted;
        await using (var command = dataSource.CreateCommand(ScanSql))
        {
            command.Parameters.AddRange(new NpgsqlParameter[] { Db.Value(code), Db.Value(eventId), Db.Value(scannedBy), Db.Time(now) });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken) || reader.GetGuid(0) != eventId)
            {
                return new CheckInOutcome.NotFound();
            }

            status = reader.GetString(1);
            admitted = !reader.IsDBNull(2);
        }

        switch (status)
        {
            case "void":
                return new CheckInOutcome.Void();
            case "transferred":
                return new CheckInOutcome.Transferred();
        }

        // Read afresh: a scan that lost the race did not see the winner's row in its own statement's snapshot.
        var ticket = await tickets.FindByCodeAsync(code, cancellationToken)
            ?? throw new InvalidOperationException($"Ticket with code {code} vanished during check-in.");
        var checkedInAt = ticket.CheckedInAt
            ?? throw new InvalidOperationException($"Ticket {ticket.Id} was scanned but has no check-in.");
        if (!admitted)
        {
            return new CheckInOutcome.AlreadyCheckedIn(ticket, checkedInAt);
        }

        await using (var count = dataSource.CreateCommand("SELECT count(*)::int FROM check_ins WHERE event_id = $1"))
        {
            count.Parameters.Add(Db.Value(eventId));
            dashboard.CheckInsChanged(eventId, (int)(await count.ExecuteScalarAsync(cancellationToken))!);
        }

        return new CheckInOutcome.Admitted(ticket, checkedInAt);
    }

    public async Task<CheckInSummary> SummaryAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM check_ins WHERE event_id = $1),
                   (SELECT count(*) FROM tickets WHERE event_id = $1 AND status = 'valid')
            """);
        command.Parameters.Add(Db.Value(eventId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new CheckInSummary(eventId, reader.GetInt64(0), reader.GetInt64(1));
    }
}
