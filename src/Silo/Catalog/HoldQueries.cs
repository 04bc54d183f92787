using Fashionistas.Grains.Storage;
using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Catalog;

/// <summary>Reads holds (every acknowledged hold is in the database before its answer).</summary>
public sealed class HoldQueries(NpgsqlDataSource dataSource)
{
    private static readonly string ById = $"SELECT {HoldReader.Columns}, group_id FROM holds WHERE id = $1";

    public async Task<StoredHold?> FindAsync(Guid holdId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ById);
        command.Parameters.Add(Db.Value(holdId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? HoldReader.Read(reader) with { GroupId = reader.IsDBNull(HoldReader.ColumnCount) ? null : reader.GetGuid(HoldReader.ColumnCount) }
            : null;
    }
}
