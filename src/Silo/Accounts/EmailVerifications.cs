using System.Collections.Concurrent;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Fashionistas.Silo.Accounts;

/// <summary>
/// Proof that an account's e-mail is its owner's: the link e-mailed at sign-up (or again on request) marks it verified.
/// The purchase path asks <see cref="IsVerifiedAsync"/> on every hold; verification never goes back, so a verified
/// account is remembered in memory and only unverified ones cost a query.
/// </summary>
public sealed class EmailVerifications(NpgsqlDataSource dataSource, AccountTokens tokens, IOptions<AccountOptions> options, TimeProvider time)
{
    /// <summary>Beyond this many remembered accounts the memory starts over (a bound, not a tuning knob).</summary>
    private const int MaxRemembered = 200_000;

    private readonly ConcurrentDictionary<Guid, bool> verified = new();

    /// <summary>True when the rule is off or <paramref name="userId"/> confirmed their e-mail.</summary>
    public async Task<bool> MayBuyAsync(Guid userId, CancellationToken cancellationToken) =>
        !options.Value.RequireVerifiedEmailToBuy || await IsVerifiedAsync(userId, cancellationToken);

    public async Task<bool> IsVerifiedAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (verified.ContainsKey(userId))
        {
            return true;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var isVerified = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT email_verified_at IS NOT NULL FROM users WHERE id = @userId", new { userId }, cancellationToken: cancellationToken));
        if (isVerified)
        {
            Remember(userId);
        }

        return isVerified;
    }

    /// <summary>Queues another verification e-mail unless the account is verified or had its hourly share.</summary>
    public async Task RequestAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var pending = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT email_verified_at IS NULL FROM users WHERE id = @userId", new { userId }, transaction, cancellationToken: cancellationToken));
        if (pending)
        {
            await tokens.RequestAsync(connection, transaction, userId, AccountTokenPurposes.EmailVerification, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Marks the token's account verified; false when the token is unknown, used, replaced or expired.</summary>
    public async Task<bool> ConfirmAsync(string token, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await tokens.ConsumeAsync(connection, transaction, token, AccountTokenPurposes.EmailVerification, cancellationToken) is not { } userId)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET email_verified_at = coalesce(email_verified_at, @now), updated_at = now() WHERE id = @userId",
            new { userId, now = time.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        Remember(userId);
        return true;
    }

    private void Remember(Guid userId)
    {
        if (verified.Count >= MaxRemembered)
        {
            verified.Clear();
        }

        verified[userId] = true;
    }
}
