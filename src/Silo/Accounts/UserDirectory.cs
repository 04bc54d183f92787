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
        var (rows, total) = await PagedQuery.ReadAsync<(Guid Id, string Email, string DisplayName, string[] Roles, DateTime CreatedAt)>(dataSource,
            """
            SELECT u.id AS Id, u.email AS Email, u.display_name AS DisplayName,
                   coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id), ARRAY[]::text[]) AS Roles,
                   u.created_at AS CreatedAt
            """,
            $"FROM users u {where}", "u.created_at DESC, u.id", parameters, cancellationToken);
        return ([.. rows.Select(r => new UserSummary(r.Id, r.Email, r.DisplayName, r.Roles, StoredTime.Utc(r.CreatedAt)))], total);
    }
}
