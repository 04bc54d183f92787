using System.Text.Json;
using Fashionistas.Grains.Domain;
using Fashionistas.Silo.Outbox;
using Fashionistas.Silo.Persistence;
using Fashionistas.Silo.Tickets;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Fashionistas.Silo.Checkout;

/// <summary>
/// The owner of valid tickets names who uses them (and their document when the event asks), all of one request at once
/// or none. A ticket scanned at the door keeps the name the door saw; each ticket's attendee changes at most
/// <see cref="AttendeeOptions.MaxChangesPerTicket"/> times. Tickets whose confirmation already went out get an updated
/// ticket by e-mail: one outbox message per owner, joined by the owner's further changes while it waits.
/// </summary>
public sealed class AttendeeNaming(NpgsqlDataSource dataSource, IOptions<AttendeeOptions> options, TimeProvider time)
{
    private const string MergeWaitingUpdate = $"""
        UPDATE outbox SET payload = jsonb_build_object('ownerId', payload->>'ownerId', 'ticketIds',
            (SELECT jsonb_agg(DISTINCT x) FROM jsonb_array_elements_text(payload->'ticketIds' || $2::jsonb) AS x))
        WHERE kind = '{OutboxKinds.AttendeeUpdate}' AND processed_at IS NULL AND attempts = 0 AND payload->>'ownerId' = $1::text
        """;

    private const string QueueUpdate = $"""
        INSERT INTO outbox (kind, payload, next_attempt_at)
        VALUES ('{OutboxKinds.AttendeeUpdate}', jsonb_build_object('ownerId', $1::text, 'ticketIds', $2::jsonb), $3)
        """;

    public async Task<NamingOutcome> NameAsync(Guid ownerId, IReadOnlyList<AttendeeChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var wanted = new List<(string Code, string Name, string? Document)>();
        foreach (var change in changes)
        {
            if (!TicketCodeGenerator.TryParse(change.Code, out var code))
            {
                return new NamingOutcome.NotFound(change.Code);
            }

            if (AttendeeRules.NormalizeName(change.Name, out var reason) is not { } name)
            {
                return new NamingOutcome.Invalid(reason!);
            }

            if (wanted.Any(w => w.Code == code))
            {
                return new NamingOutcome.Invalid($"Ticket {code} is named twice.");
            }

            wanted.Add((code, name, change.Document));
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await OrderAttendees.LockOwnerAsync(connection, transaction, ownerId, cancellationToken);
        var stored = await ReadAsync(connection, transaction, ownerId, [.. wanted.Select(w => w.Code)], cancellationToken);

        var named = new List<(StoredTicket Ticket, string Name, string? Document)>();
        foreach (var (code, name, given) in wanted)
        {
            if (!stored.TryGetValue(code, out var ticket))
            {
                return new NamingOutcome.NotFound(code);
            }

            string? document = null;
            if (ticket.DocumentRequired || !string.IsNullOrWhiteSpace(given))
            {
                document = AttendeeRules.NormalizeDocument(given, out var reason);
                if (document is null)
                {
                    return new NamingOutcome.Invalid(reason!);
                }
            }

            named.Add((ticket, name, document));
        }

        var changed = named.Where(n => n.Name != n.Ticket.Name || n.Document != n.Ticket.Document).ToList();
        if (changed.FirstOrDefault(c => c.Ticket.CheckedIn) is { Ticket: { } used })
        {
            return new NamingOutcome.Refused("The ticket was already used at the door.", $"Ticket {used.Code}'s attendee can no longer change.");
        }

        var limit = options.Value.MaxChangesPerTicket;
        if (changed.FirstOrDefault(c => c.Ticket.Changes >= limit) is { Ticket: { } spent })
        {
            return new NamingOutcome.Refused(
                "The attendee changed too often.", $"Ticket {spent.Code}'s attendee may change at most {limit} times.");
        }

        var mailed = 0;
        if (changed.Count > 0)
        {
            // The orders' locks before the names: a confirmation being composed now either reads the new names or is
            // already recorded, and then the update below tells them.
            var orders = changed.Select(c => c.Ticket.OrderId).ToList();
            await OrderAttendees.LockOrdersAsync(connection, transaction, orders, cancellationToken);
            await WriteAsync(connection, transaction, changed, cancellationToken);
            var confirmed = await OrderAttendees.ConfirmedAsync(connection, transaction, orders, cancellationToken);
            var toMail = changed.Where(c => confirmed.Contains(c.Ticket.OrderId)).Select(c => c.Ticket.Id).ToList();
            if (toMail.Count > 0)
            {
                await QueueUpdateAsync(connection, transaction, ownerId, toMail, cancellationToken);
            }

            mailed = toMail.Count;
        }

        await transaction.CommitAsync(cancellationToken);
        return new NamingOutcome.Named([.. named.Select(n => n.Ticket.Id)], mailed);
    }

    private static async Task<Dictionary<string, StoredTicket>> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid ownerId, string[] codes, CancellationToken cancellationToken)
    {
        // FOR UPDATE also holds back a check-in of these tickets (its foreign key) until the names are written.
        await using var command = new NpgsqlCommand("""
            SELECT t.id, t.code, t.order_id, t.attendee_name, t.attendee_document, t.attendee_changes, e.attendee_document_required,
                   EXISTS (SELECT 1 FROM check_ins c WHERE c.ticket_id = t.id)
            FROM tickets t JOIN events e ON e.id = t.event_id
            WHERE t.code = ANY($1) AND t.owner_id = $2 AND t.status = 'valid'
            FOR UPDATE OF t
            """, connection, transaction);
        command.Parameters.AddRange(new NpgsqlParameter[] { Db.Value(codes), Db.Value(ownerId) });
        var tickets = new Dictionary<string, StoredTicket>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var ticket = new StoredTicket(
                reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt32(5), reader.GetBoolean(6), reader.GetBoolean(7));
            tickets[ticket.Code] = ticket;
        }

        return tickets;
    }

    private static async Task WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<(StoredTicket Ticket, string Name, string? Document)> changed,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE tickets t SET attendee_name = u.name, attendee_document = u.document,
                                 attendee_changes = t.attendee_changes + 1, updated_at = now()
            FROM unnest($1::uuid[], $2::text[], $3::text[]) AS u(id, name, document)
            WHERE t.id = u.id
            """, connection, transaction);
        command.Parameters.Add(Db.Value(changed.Select(c => c.Ticket.Id).ToArray()));
        command.Parameters.Add(Db.Value(changed.Select(c => c.Name).ToArray()));
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = changed.Select(c => c.Document).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task QueueUpdateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid ownerId, List<Guid> ticketIds, CancellationToken cancellationToken)
    {
        // A message of this owner not yet claimed takes the tickets; once claimed (attempts > 0) it is being sent, so a
        // new one is queued. The owner's lock keeps two changes from both queueing.
        var ids = JsonSerializer.Serialize(ticketIds);
        await using var merge = new NpgsqlCommand(MergeWaitingUpdate, connection, transaction);
        merge.Parameters.AddRange(new NpgsqlParameter[] { Db.Value(ownerId.ToString()), Jsonb(ids) });
        if (await merge.ExecuteNonQueryAsync(cancellationToken) > 0)
        {
            return;
        }

        await using var queue = new NpgsqlCommand(QueueUpdate, connection, transaction);
        queue.Parameters.AddRange(new NpgsqlParameter[]
        {
            Db.Value(ownerId.ToString()), Jsonb(ids), Db.Time(time.GetUtcNow() + options.Value.UpdateDelay),
        });
        await queue.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Jsonb(string json) => new NpgsqlParameter<string> { TypedValue = json, NpgsqlDbType = NpgsqlDbType.Jsonb };

    private sealed record StoredTicket(
        Guid Id, string Code, Guid OrderId, string? Name, string? Document, int Changes, bool DocumentRequired, bool CheckedIn);
}
