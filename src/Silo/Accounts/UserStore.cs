using Dapper;
using Fashionistas.Silo.Persistence;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Fashionistas.Silo.Accounts;

/// <summary>Users and roles in PostgreSQL; passwords hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>.</summary>
public sealed class UserStore(NpgsqlDataSource dataSource, AccountTokens tokens)
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    /// <summary>A stored hash of <paramref name="password"/> (salted, versioned by ASP.NET Core Identity).</summary>
    public static string HashPassword(string password) => Hasher.HashPassword(null!, password);

    /// <summary>
    /// Creates the user, or returns null when the e-mail is taken. Unless <paramref name="emailVerified"/> (accounts the
    /// operator creates), the verification e-mail is queued in the same transaction.
    /// </summary>
    public async Task<UserAccount?> CreateAsync(string email, string password, string displayName,
        IReadOnlyList<string> roles, CancellationToken cancellationToken, bool emailVerified = false)
    {
        var id = Guid.NewGuid();
        var hash = Hasher.HashPassword(null!, password);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO users (id, email, password_hash, display_name, email_verified_at)
            VALUES (@id, @email, @hash, @displayName, CASE WHEN @emailVerified THEN now() END)
            ON CONFLICT (lower(email)) DO NOTHING
            """, new { id, email, hash, displayName, emailVerified }, transaction, cancellationToken: cancellationToken));
        if (inserted == 0)
        {
            return null;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO user_roles (user_id, role) SELECT @id, unnest(@roles)",
            new { id, roles = roles.ToArray() }, transaction, cancellationToken: cancellationToken));
        var stamp = await connection.ExecuteScalarAsync<Guid>(new CommandDefinition(
            "SELECT security_stamp FROM users WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        if (!emailVerified)
        {
            await tokens.RequestAsync(connection, transaction, id, AccountTokenPurposes.EmailVerification, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new UserAccount(id, email, displayName, hash, roles, stamp);
    }

    public Task<UserAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        FindAsync("lower(u.email) = lower(@email)", new { email }, cancellationToken);

    public Task<UserAccount?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        FindAsync("u.id = @id", new { id }, cancellationToken);

    /// <summary>The current security stamps (see <see cref="UserAccount.SecurityStamp"/>) of those of <paramref name="ids"/> that exist.</summary>
    public async Task<IReadOnlyDictionary<Guid, Guid>> SecurityStampsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid Id, Guid Stamp)>(new CommandDefinition(
            "SELECT id, security_stamp FROM users WHERE id = ANY(@ids)", new { ids = ids.ToArray() }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Id, r => r.Stamp);
    }

    /// <summary>The account when <paramref name="password"/> is right, otherwise null.</summary>
    public async Task<UserAccount?> VerifyAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = await FindByEmailAsync(email, cancellationToken);
        if (user is null)
        {
            // Same work for unknown e-mails, so timing does not reveal which accounts exist.
            Hasher.VerifyHashedPassword(null!, DummyHash, password);
            return null;
        }

        return Hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user;
    }

    /// <summary>
    /// Replaces the password when <paramref name="currentPassword"/> is right (false otherwise, nothing changed), and
    /// writes the change to <c>audit_logs</c> in the same transaction. The database gives the user a new security stamp
    /// (migration 0020), so tokens issued before are refused from then on.
    /// </summary>
    public async Task<bool> ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var user = await FindByIdAsync(userId, cancellationToken);
        if (user is null || Hasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
        {
            return false;
        }

        var hash = Hasher.HashPassword(user, newPassword);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Only over the hash just verified: a concurrent change with the old password cannot both win.
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET password_hash = @hash, updated_at = now() WHERE id = @userId AND password_hash = @old",
            new { userId, hash, old = user.PasswordHash }, transaction, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            return false;
        }

        await AuditLog.WriteAsync(connection, transaction, userId, "user.password_changed", "user", userId, new { }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> AnyWithRoleAsync(string role, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM user_roles WHERE role = @role)", new { role }, cancellationToken: cancellationToken));
    }

    private async Task<UserAccount?> FindAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"""
            SELECT u.id, u.email, u.display_name, u.password_hash,
                   coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), ARRAY[]::text[]) AS roles,
                   u.security_stamp
            FROM users u LEFT JOIN user_roles r ON r.user_id = u.id
            WHERE {where}
            GROUP BY u.id
            """, parameters, cancellationToken: cancellationToken));
        return await reader.ReadAsync(cancellationToken)
            ? new UserAccount(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<string[]>(4), reader.GetGuid(5))
            : null;
    }

    private static readonly string DummyHash = Hasher.HashPassword(null!, Guid.NewGuid().ToString());
}
