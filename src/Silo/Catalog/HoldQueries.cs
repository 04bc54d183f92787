using Dapper;
using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Catalog;

/// <summary>Reads holds (every acknowledged hold is in the database before its answer).</summary>
public sealed class HoldQueries(NpgsqlDataSource dataSource)
{
    public async Task<HoldRecord?> FindAsync(Guid holdId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(Guid, Guid, Guid, Guid, int, long, long, string, DateTime, Guid?)?>(new CommandDefinition(
            """
            SELECT id, ticket_type_id, event_id, buyer_id, quantity, unit_price, total, status, expires_at, group_id
            FROM holds WHERE id = @holdId
            """, new { holdId }, cancellationToken: cancellationToken));
        return row is not { } r
            ? null
            : new HoldRecord(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5, r.Item6, r.Item7, r.Item8, StoredTime.Utc(r.Item9)) { GroupId = r.Item10 };
    }
}
