using Dapper;
using Npgsql;

namespace Fashionistas.Silo.Persistence;

/// <summary>The one way a paged list is read: the total count of what <c>from</c> selects, then one page of it.</summary>
public static class PagedQuery
{
    /// <summary>
    /// Runs <c>SELECT count(*) {fromWhere}</c> and <c>{select} {fromWhere} ORDER BY {orderBy} LIMIT @limit OFFSET @offset</c>
    /// on one connection; <paramref name="parameters"/> must carry <c>limit</c> and <c>offset</c> besides the filter's own.
    /// Rows map to <typeparamref name="TRow"/> by column name (Dapper).
    /// </summary>
    public static async Task<(IReadOnlyList<TRow> Rows, long Total)> ReadAsync<TRow>(
        NpgsqlDataSource dataSource, string select, string fromWhere, string orderBy, object parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) {fromWhere}", parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<TRow>(new CommandDefinition(
            $"{select} {fromWhere} ORDER BY {orderBy} LIMIT @limit OFFSET @offset", parameters, cancellationToken: cancellationToken));
        return ([.. rows], total);
    }
}
