using Dapper;
using Fashionistas.Grains.Contracts;
using Fashionistas.Silo.Outbox;
using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Waitlist;

/// <summary>
/// Table <c>waitlist_entries</c>. Every change to one ticket type's line takes that ticket type's transaction-scoped
/// advisory lock, so joins get ids (the line order) in commit order, the size bound holds, and two nodes never tell the
/// same seats to different waiters.
/// </summary>
public sealed class WaitlistStore(NpgsqlDataSource dataSource, WaitlistLineGate lineGate)
{
    private const string LockSql = "SELECT pg_advisory_xact_lock(hashtextextended('waitlist:' || @ticketTypeId::text, 0))";

    private const string PositionSql =
        "SELECT count(*)::int FROM waitlist_entries WHERE ticket_type_id = @ticketTypeId AND id <= @id";

    // The place of entry w on its line: 1 is next.
    private const string PositionOfW =
        "(SELECT count(*)::int FROM waitlist_entries x WHERE x.ticket_type_id = w.ticket_type_id AND x.id <= w.id) AS Position";

    // The holds a waiter made after joining mean they bought (or are buying): their place is no longer needed.
    private const string RemoveConvertedSql = """
        DELETE FROM waitlist_entries w
        WHERE w.ticket_type_id = @ticketTypeId
          AND EXISTS (SELECT 1 FROM holds h
                      WHERE h.ticket_type_id = @ticketTypeId AND h.buyer_id = w.user_id
                        AND h.created_at >= w.joined_at AND h.status IN ('active', 'converted'))
        """;

    // One statement: the next waiters in line are marked told and their outbox messages queued, or neither.
    private const string NotifySql = """
        WITH picked AS (
            SELECT id FROM waitlist_entries
            WHERE ticket_type_id = @ticketTypeId AND notified_at IS NULL
            ORDER BY id
            LIMIT @count
            FOR UPDATE SKIP LOCKED),
        told AS (
            UPDATE waitlist_entries w SET notified_at = @now
            FROM picked WHERE w.id = picked.id
            RETURNING w.id, w.user_id, w.ticket_type_id),
        queued AS (
            INSERT INTO outbox (kind, payload)
            SELECT @kind, jsonb_build_object('entryId', id, 'userId', user_id, 'ticketTypeId', ticket_type_id) FROM told)
        SELECT id AS EntryId, user_id AS UserId, ticket_type_id AS TicketTypeId FROM told ORDER BY id
        """;

    /// <summary>Puts the user at the end of the line unless already on it (then the first place stands) or it is full.</summary>
    public async Task<WaitlistJoinOutcome> JoinAsync(
        Guid ticketTypeId, Guid eventId, Guid userId, int maxEntries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var turn = await lineGate.EnterAsync(ticketTypeId, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, ticketTypeId, cancellationToken);
        var existing = await connection.QuerySingleOrDefaultAsync<EntryRow>(new CommandDefinition(
            """
            SELECT id AS Id, joined_at AS JoinedAt, notified_at AS NotifiedAt FROM waitlist_entries
            WHERE ticket_type_id = @ticketTypeId AND user_id = @userId
            """, new { ticketTypeId, userId }, transaction, cancellationToken: cancellationToken));
        var created = existing is null;
        if (existing is null)
        {
            var size = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM waitlist_entries WHERE ticket_type_id = @ticketTypeId",
                new { ticketTypeId }, transaction, cancellationToken: cancellationToken));
            if (size >= maxEntries)
            {
                return new WaitlistJoinOutcome.Full(maxEntries);
            }

            existing = await connection.QuerySingleAsync<EntryRow>(new CommandDefinition(
                """
                INSERT INTO waitlist_entries (ticket_type_id, event_id, user_id, joined_at)
                VALUES (@ticketTypeId, @eventId, @userId, @now)
                RETURNING id AS Id, joined_at AS JoinedAt, notified_at AS NotifiedAt
                """, new { ticketTypeId, eventId, userId, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
        }

        var position = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            PositionSql, new { ticketTypeId, id = existing.Id }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new WaitlistJoinOutcome.Joined(existing.ToPosition(ticketTypeId, position), created);
    }

    /// <summary>The user's place on the ticket type's line, or null.</summary>
    public async Task<WaitlistPosition?> FindAsync(Guid ticketTypeId, Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PositionedRow>(new CommandDefinition(
            $"""
            SELECT w.joined_at AS JoinedAt, w.notified_at AS NotifiedAt, {PositionOfW}
            FROM waitlist_entries w WHERE w.ticket_type_id = @ticketTypeId AND w.user_id = @userId
            """, new { ticketTypeId, userId }, cancellationToken: cancellationToken));
        return row is null ? null : new WaitlistPosition(ticketTypeId, row.Position, StoredTime.Utc(row.JoinedAt), StoredTime.Utc(row.NotifiedAt));
    }

    /// <summary>Takes the user off the line; false when they were not on it.</summary>
    public async Task<bool> LeaveAsync(Guid ticketTypeId, Guid userId, CancellationToken cancellationToken)
    {
        using var turn = await lineGate.EnterAsync(ticketTypeId, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, ticketTypeId, cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM waitlist_entries WHERE ticket_type_id = @ticketTypeId AND user_id = @userId",
            new { ticketTypeId, userId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return deleted > 0;
    }

    /// <summary>The user's places, soonest event first.</summary>
    public async Task<IReadOnlyList<MyWaitlistEntry>> ListMineAsync(Guid userId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<MineRow>(new CommandDefinition(
            $"""
            SELECT w.ticket_type_id AS TicketTypeId, tt.name AS TicketTypeName, w.event_id AS EventId, e.name AS EventName,
                   e.starts_at AS EventStartsAt, e.status AS EventStatus, {PositionOfW},
                   w.joined_at AS JoinedAt, w.notified_at AS NotifiedAt
            FROM waitlist_entries w
            JOIN ticket_types tt ON tt.id = w.ticket_type_id
            JOIN events e ON e.id = w.event_id
            WHERE w.user_id = @userId
            ORDER BY e.starts_at, w.id
            LIMIT @limit
            """, new { userId, limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new MyWaitlistEntry(
            r.TicketTypeId, r.TicketTypeName, r.EventId, r.EventName, StoredTime.Utc(r.EventStartsAt), r.EventStatus, r.Position,
            StoredTime.Utc(r.JoinedAt), StoredTime.Utc(r.NotifiedAt)))];
    }

    /// <summary>The ticket types that have anyone on their waitlist.</summary>
    public async Task<IReadOnlyList<Guid>> TicketTypesWithEntriesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT DISTINCT ticket_type_id FROM waitlist_entries", cancellationToken: cancellationToken));
        return [.. ids];
    }

    /// <summary>
    /// One round for a ticket type with <paramref name="available"/> seats: drops waiters who have since held seats,
    /// then, while the event sells (on_sale or sold_out, sales not ended), tells the next waiters in line as
    /// <see cref="WaitlistRules.WaitersToNotify"/> says, queueing one outbox message each in the same transaction.
    /// </summary>
    public async Task<WaitlistRound> RunRoundAsync(
        Guid ticketTypeId, int available, WaitlistOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var turn = await lineGate.EnterAsync(ticketTypeId, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, ticketTypeId, cancellationToken);
        var converted = await connection.ExecuteAsync(new CommandDefinition(
            RemoveConvertedSql, new { ticketTypeId }, transaction, cancellationToken: cancellationToken));

        IReadOnlyList<WaitlistNotification> told = [];
        var selling = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            """
            SELECT EXISTS (SELECT 1 FROM ticket_types tt JOIN events e ON e.id = tt.event_id
                           WHERE tt.id = @ticketTypeId AND e.status IN ('on_sale', 'sold_out')
                             AND (tt.sales_end IS NULL OR tt.sales_end > @now))
            """, new { ticketTypeId, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
        if (selling && available > 0)
        {
            var outstanding = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT count(*)::int FROM waitlist_entries WHERE ticket_type_id = @ticketTypeId AND notified_at > @since",
                new { ticketTypeId, since = (now - options.NotificationWindow).UtcDateTime }, transaction, cancellationToken: cancellationToken));
            var count = WaitlistRules.WaitersToNotify(available, options.OverbookingPercent, outstanding, options.MaxNotificationsPerRound);
            if (count > 0)
            {
                told = [.. await connection.QueryAsync<WaitlistNotification>(new CommandDefinition(
                    NotifySql,
                    new { ticketTypeId, count, now = now.UtcDateTime, kind = OutboxKinds.WaitlistSeatsAvailable },
                    transaction, cancellationToken: cancellationToken))];
            }
        }

        var anyLeft = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM waitlist_entries WHERE ticket_type_id = @ticketTypeId)",
            new { ticketTypeId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new WaitlistRound(told, converted, anyLeft);
    }

    private static Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid ticketTypeId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(LockSql, new { ticketTypeId }, transaction, cancellationToken: cancellationToken));

    private sealed record EntryRow(long Id, DateTime JoinedAt, DateTime? NotifiedAt)
    {
        public WaitlistPosition ToPosition(Guid ticketTypeId, int position) =>
            new(ticketTypeId, position, StoredTime.Utc(JoinedAt), StoredTime.Utc(NotifiedAt));
    }

    private sealed record PositionedRow(DateTime JoinedAt, DateTime? NotifiedAt, int Position);

    private sealed record MineRow(
        Guid TicketTypeId, string TicketTypeName, Guid EventId, string EventName, DateTime EventStartsAt, string EventStatus,
        int Position, DateTime JoinedAt, DateTime? NotifiedAt);
}
