using System.Security.Cryptography;
using System.Text;
using Dapper;
using Fashionistas.Silo.Messaging;
using Fashionistas.Silo.Outbox;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Fashionistas.Silo.Accounts;

/// <summary>
/// One-time account tokens (password reset, e-mail verification), table <c>account_tokens</c>. A request writes a row
/// and queues its e-mail in one transaction, under the user's row lock, so requests per address are counted exactly
/// (50 at once still make at most <see cref="AccountOptions.EmailsPerAddressPerHour"/> rows). The token is made when
/// the e-mail goes out: 32 random bytes, base64url, of which only the SHA-256 is stored; making it ends every other
/// open token of the purpose, sent or still waiting, so only the newest link works and requests still waiting send no
/// e-mail (a burst sends one, or a few when the outbox runs between its requests). Consuming is one conditional UPDATE: once, within its life.
/// </summary>
public sealed class AccountTokens(NpgsqlDataSource dataSource, IOptions<AccountOptions> options, TimeProvider time)
{
    private const int TokenBytes = 32;

    /// <summary>
    /// Queues a token e-mail for <paramref name="userId"/> in the caller's transaction; false (nothing queued) when the
    /// address already had its share this hour.
    /// </summary>
    public async Task<bool> RequestAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid userId, string purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var now = time.GetUtcNow();
        // The user's row lock serializes the requests of one address: the count below cannot be raced past.
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT 1 FROM users WHERE id = @userId FOR UPDATE", new { userId }, transaction, cancellationToken: cancellationToken));
        var recent = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM account_tokens WHERE user_id = @userId AND purpose = @purpose AND created_at > @since",
            new { userId, purpose, since = now.AddHours(-1) }, transaction, cancellationToken: cancellationToken));
        if (recent >= options.Value.EmailsPerAddressPerHour)
        {
            return false;
        }

        var tokenId = Guid.NewGuid();
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO account_tokens (id, user_id, purpose, created_at) VALUES (@tokenId, @userId, @purpose, @now)",
            new { tokenId, userId, purpose, now }, transaction, cancellationToken: cancellationToken));
        await OutboxStore.EnqueueAsync(connection, transaction, purpose, "tokenId", tokenId, cancellationToken);
        return true;
    }

    /// <summary>Makes the token of row <paramref name="tokenId"/> for its e-mail; null when the row is gone or already ended.</summary>
    public async Task<IssuedAccountToken?> IssueAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"""
            SELECT t.user_id AS UserId, t.purpose AS Purpose, {MessagePerson.Columns("u")}
            FROM account_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.id = @tokenId AND t.used_at IS NULL
            FOR UPDATE OF t, u
            """, new { tokenId }, transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var token = Base64Url(RandomNumberGenerator.GetBytes(TokenBytes));
        var lifetime = row.Purpose == AccountTokenPurposes.PasswordReset ? options.Value.PasswordResetLifetime : options.Value.VerificationLifetime;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE account_tokens SET used_at = @now
            WHERE user_id = @userId AND purpose = @purpose AND id <> @tokenId AND used_at IS NULL;
            UPDATE account_tokens SET token_hash = @hash, expires_at = @expires WHERE id = @tokenId;
            """,
            new { now, row.UserId, row.Purpose, tokenId, hash = Hash(token), expires = now + lifetime },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new IssuedAccountToken(token, row.Purpose, new MessagePerson(row.Name, row.Email, row.Phone, row.WhatsAppOptIn, row.Language));
    }

    /// <summary>Ends the token in the caller's transaction and answers its user; null when unknown, used, replaced or expired.</summary>
    public async Task<Guid?> ConsumeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string token, string purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            """
            UPDATE account_tokens SET used_at = @now
            WHERE token_hash = @hash AND purpose = @purpose AND used_at IS NULL AND expires_at > @now
            RETURNING user_id
            """, new { now = time.GetUtcNow(), hash = Hash(token), purpose }, transaction, cancellationToken: cancellationToken));
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record Row(Guid UserId, string Purpose, string Name, string Email, string? Phone, bool WhatsAppOptIn, string Language);
}
