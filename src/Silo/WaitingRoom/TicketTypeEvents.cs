using System.Collections.Concurrent;
using Npgsql;

namespace Fashionistas.Silo.WaitingRoom;

/// <summary>The event of a ticket type (it never changes), read once per node and kept.</summary>
public sealed class TicketTypeEvents(NpgsqlDataSource dataSource)
{
    private readonly ConcurrentDictionary<Guid, Guid> _events = new();

    /// <summary>The event id, or null for a ticket type that does not exist (the route's own handler answers 404).</summary>
    public async Task<Guid?> EventOfAsync(Guid ticketTypeId, CancellationToken cancellationToken)
    {
        if (_events.TryGetValue(ticketTypeId, out var known))
        {
            return known;
        }

        await using var command = dataSource.CreateCommand("SELECT event_id FROM ticket_types WHERE id = $1");
        command.Parameters.AddWithValue(ticketTypeId);
        if (await command.ExecuteScalarAsync(cancellationToken) is not Guid eventId)
        {
            return null;
        }

        _events[ticketTypeId] = eventId;
        return eventId;
    }
}
