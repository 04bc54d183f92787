using Dapper;
using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Staff;

/// <summary>
/// Door staff per event: the organizer (or an admin) adds registered people by e-mail; they may check tickets in at
/// that event and see its attendance, nothing more. Changes are audited.
/// </summary>
public sealed class EventStaff(NpgsqlDataSource dataSource)
{
    private const string MembersSql = """
        SELECT s.user_id AS UserId, u.display_name AS DisplayName, u.email AS Email, s.added_at AS AddedAt
        FROM event_staff s JOIN users u ON u.id = s.user_id
        WHERE s.event_id = @eventId
        """;

    /// <summary>Adds the account with <paramref name="email"/>; null when nobody has that e-mail. Adding twice is a no-op.</summary>
    public async Task<StaffMember?> AddAsync(Guid eventId, string email, Guid? addedBy, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var userId = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            "SELECT id FROM users WHERE lower(email) = lower(@email)", new { email }, transaction, cancellationToken: cancellationToken));
        if (userId is null)
        {
            return null;
        }

        var added = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO event_staff (event_id, user_id, added_by) VALUES (@eventId, @userId, @addedBy) ON CONFLICT DO NOTHING",
            new { eventId, userId, addedBy }, transaction, cancellationToken: cancellationToken));
        if (added == 1)
        {
            await AuditLog.WriteAsync(connection, transaction, addedBy, "event.staff_added", "event", eventId, new { userId }, cancellationToken);
        }

        var member = await connection.QuerySingleAsync<MemberRow>(new CommandDefinition(
            MembersSql + " AND s.user_id = @userId", new { eventId, userId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return member.ToMember();
    }

    /// <summary>False when the person was not on the event's staff.</summary>
    public async Task<bool> RemoveAsync(Guid eventId, Guid userId, Guid? removedBy, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var removed = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM event_staff WHERE event_id = @eventId AND user_id = @userId", new { eventId, userId }, transaction,
            cancellationToken: cancellationToken));
        if (removed == 1)
        {
            await AuditLog.WriteAsync(connection, transaction, removedBy, "event.staff_removed", "event", eventId, new { userId }, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return removed == 1;
    }

    public async Task<IReadOnlyList<StaffMember>> ListAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<MemberRow>(new CommandDefinition(
            MembersSql + " ORDER BY lower(u.display_name), u.email", new { eventId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToMember())];
    }

    /// <summary>The events <paramref name="userId"/> works the door of, soonest first.</summary>
    public async Task<IReadOnlyList<StaffedEvent>> EventsOfAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid Id, string Name, string Venue, DateTime StartsAt, string Status)>(new CommandDefinition(
            """
            SELECT e.id, e.name, e.venue, e.starts_at, e.status
            FROM event_staff s JOIN events e ON e.id = s.event_id
            WHERE s.user_id = @userId ORDER BY e.starts_at, e.id
            """, new { userId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new StaffedEvent(r.Id, r.Name, r.Venue, StoredTime.Utc(r.StartsAt), r.Status))];
    }

    private sealed record MemberRow(Guid UserId, string DisplayName, string Email, DateTime AddedAt)
    {
        public StaffMember ToMember() => new(UserId, DisplayName, Email, StoredTime.Utc(AddedAt));
    }
}
