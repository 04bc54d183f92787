using Dapper;
using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Accounts;

/// <summary>
/// "I forgot my password": a reset link by e-mail (through the outbox), then a new password with the link's token.
/// The reset only writes <c>users.password_hash</c>; whatever ends older sessions on a password change applies to it.
/// </summary>
public sealed class PasswordResets(NpgsqlDataSource dataSource, UserStore users, AccountTokens tokens, TimeProvider time)
{
    /// <summary>
    /// Queues a reset e-mail when <paramref name="email"/> has an account (and its hourly share is not used up). The
    /// caller answers the same either way, so nobody learns which addresses have accounts.
    /// </summary>
    public async Task RequestAsync(string email, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email, cancellationToken);
        if (user is null)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await tokens.RequestAsync(connection, transaction, user.Id, AccountTokenPurposes.PasswordReset, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Sets <paramref name="newPassword"/> for the token's account, ends the token and answers the account; null when the
    /// token is unknown, used, replaced by a newer one or expired. Following the e-mailed link also proves the address,
    /// so it counts as verified.
    /// </summary>
    public async Task<Guid?> ResetAsync(string token, string newPassword, CancellationToken cancellationToken)
    {
        var hash = UserStore.HashPassword(newPassword);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await tokens.ConsumeAsync(connection, transaction, token, AccountTokenPurposes.PasswordReset, cancellationToken) is not { } userId)
        {
            return null;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE users SET password_hash = @hash, email_verified_at = coalesce(email_verified_at, @now), updated_at = now()
            WHERE id = @userId
            """, new { hash, userId, now = time.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, userId, "user.password_reset", "user", userId, new { }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return userId;
    }
}
