using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Tickets;

/// <summary>Reads tickets (the ticket-type grain writes them; everything it acknowledged is already here).</summary>
public sealed class TicketQueries(NpgsqlDataSource dataSource)
{
    public async Task<TicketRecord?> FindByCodeAsync(string code, CancellationToken cancellationToken)
    {
        var tickets = await QueryAsync(" WHERE t.code = $1", cancellationToken, Db.Value(code));
        return tickets.Count == 0 ? null : tickets[0];
    }

    public async Task<TicketRecord?> FindByIdAsync(Guid id, CancellationToken cancellationToken)
    {
        var tickets = await QueryAsync(" WHERE t.id = $1", cancellationToken, Db.Value(id));
        return tickets.Count == 0 ? null : tickets[0];
    }

    /// <summary>The valid tickets <paramref name="ownerId"/> holds now (transferred-away and refunded ones are gone).</summary>
    public Task<List<TicketRecord>> ListValidByOwnerAsync(Guid ownerId, int limit, CancellationToken cancellationToken) =>
        QueryAsync(" WHERE t.owner_id = $1 AND t.status = 'valid' ORDER BY t.id DESC LIMIT $2", cancellationToken, Db.Value(ownerId), Db.Value(limit));

    private async Task<List<TicketRecord>> QueryAsync(string where, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = dataSource.CreateCommand(TicketReader.Select + where);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await TicketReader.ReadAllAsync(reader, cancellationToken);
    }
}
