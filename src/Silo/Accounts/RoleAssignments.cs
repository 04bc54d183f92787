using Dapper;
using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Accounts;

/// <summary>Admins replacing a user's roles: audited, and never removing the last admin.</summary>
public sealed class RoleAssignments(NpgsqlDataSource dataSource)
{
    /// <summary>The transaction-scoped advisory lock every role change takes ("roles" in ASCII).</summary>
    private const long RoleChangeLockKey = 0x726F6C6573;

    /// <summary>
    /// Replaces <paramref name="userId"/>'s roles with <paramref name="roles"/> and writes who did it, before and
    /// after, to <c>audit_logs</c> in the same transaction. The database gives the user a new security stamp (migration
    /// 0020), so tokens issued with the old roles are refused from then on.
    /// </summary>
    public async Task<RoleChangeOutcome> SetAsync(
        Guid userId, IReadOnlyList<string> roles, Guid? changedBy, CancellationToken cancellationToken)
    {
        var wanted = roles.Distinct().Order(StringComparer.Ordinal).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Role changes are rare: one at a time, product-wide, so two admins demoting each other cannot both pass
        // (and row locks taken in different orders cannot deadlock).
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@lockKey)", new { lockKey = RoleChangeLockKey }, transaction, cancellationToken: cancellationToken));
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM users WHERE id = @userId)", new { userId }, transaction, cancellationToken: cancellationToken));
        if (!exists)
        {
            return RoleChangeOutcome.NoSuchUser;
        }

        var before = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT role FROM user_roles WHERE user_id = @userId ORDER BY role", new { userId }, transaction,
            cancellationToken: cancellationToken))).ToArray();
        // Attendee is what every account may do anyway: stepping down to it raises nothing.
        if (changedBy == userId && wanted.Except([.. before, UserRoles.Attendee], StringComparer.Ordinal).Any())
        {
            return RoleChangeOutcome.OwnRightsRaised;
        }

        var admins = (await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT user_id FROM user_roles WHERE role = @admin", new { admin = UserRoles.Admin }, transaction,
            cancellationToken: cancellationToken))).ToList();
        if (!wanted.Contains(UserRoles.Admin) && admins.Count == 1 && admins[0] == userId)
        {
            return RoleChangeOutcome.LastAdmin;
        }

        if (before.SequenceEqual(wanted, StringComparer.Ordinal))
        {
            // Nothing changes, so the user keeps their security stamp and stays signed in.
            return RoleChangeOutcome.Changed;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM user_roles WHERE user_id = @userId;
            INSERT INTO user_roles (user_id, role) SELECT @userId, unnest(@roles);
            UPDATE users SET updated_at = now() WHERE id = @userId;
            """, new { userId, roles = wanted }, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, changedBy, "user.roles_changed", "user", userId,
            new { before, after = wanted }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RoleChangeOutcome.Changed;
    }
}
