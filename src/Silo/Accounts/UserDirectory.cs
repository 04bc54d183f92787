using Dapper;
using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Accounts;

/// <summary>The admins' view of every account: find people by e-mail or name, filter by role, newest first.</summary>
public sealed class UserDirectory(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// A page of users whose e-mail or display name contains <paramref name="search"/> (case-insensitive, when
    /// given) and who have <paramref name="role"/> (when given), with the total count.
    /// </summary>
    public async Task<(IReadOnlyList<UserSummary> Items, long Total)> ListAsync(
        string? search, string? role, int page, int pageSize, CancellationToken cancellationToken)
    {
        const string where = """
            WHERE (@pattern::text IS NULL OR u.email ILIKE @pattern ESCAPE '\' OR u.display_name ILIKE @pattern ESCAPE '\')
              AND (@role::text IS NULL OR EXISTS (SELECT 1 FROM user_roles f WHERE f.user_id = u.id AND f.role = @role))
            """;
        var parameters = new
        {
            pattern = string.IsNullOrWhiteSpace(search) ? null : $"%{LikePatterns.Escape(search.Trim())}%",
            role,
            limit = pageSize,
            offset = (page - 1) * pageSize,
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM users u {where}", parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<(Guid, string, string, string[], DateTime)>(new CommandDefinition(
            $"""
            SELECT u.id, u.email, u.display_name,
                   coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id), ARRAY[]::text[]),
                   u.created_at
            FROM users u {where}
            ORDER BY u.created_at DESC, u.id
            LIMIT @limit OFFSET @offset
            """, parameters, cancellationToken: cancellationToken));
        var items = rows.Select(r => new UserSummary(r.Item1, r.Item2, r.Item3, r.Item4, new DateTimeOffset(r.Item5, TimeSpan.Zero))).ToList();
        return (items, total);
    }
}
