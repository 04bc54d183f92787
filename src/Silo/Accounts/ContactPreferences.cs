using Dapper;
using Npgsql;

namespace Fashionistas.Silo.Accounts;

/// <summary>
/// How a person wants to hear from us: phone number (E.164), WhatsApp consent, message language. Messages read these
/// at delivery time, so a change (above all an opt-out) applies to the very next message, queued or not.
/// </summary>
public sealed class ContactPreferences(NpgsqlDataSource dataSource)
{
    public async Task<ContactSettings?> GetAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ContactSettings>(new CommandDefinition(
            """
            SELECT phone AS Phone, whatsapp_opt_in AS WhatsAppOptIn, language AS Language, email_verified_at IS NOT NULL AS EmailVerified
            FROM users WHERE id = @userId
            """, new { userId }, cancellationToken: cancellationToken));
    }

    /// <summary>Stores the settings (phone already normalized, opt-in only with a phone); null when the user is gone.</summary>
    public async Task<ContactSettings?> SetAsync(
        Guid userId, string? phone, bool whatsAppOptIn, string language, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE users SET phone = @phone, whatsapp_opt_in = @whatsAppOptIn, language = @language, updated_at = now()
            WHERE id = @userId
            """, new { userId, phone, whatsAppOptIn = whatsAppOptIn && phone is not null, language }, cancellationToken: cancellationToken));
        return changed == 0 ? null : await GetAsync(userId, cancellationToken);
    }

    /// <summary>The one-click opt-out: no WhatsApp from now on (the number stays for the organizer's contact list).</summary>
    public async Task OptOutOfWhatsAppAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET whatsapp_opt_in = false, updated_at = now() WHERE id = @userId AND whatsapp_opt_in",
            new { userId }, cancellationToken: cancellationToken));
    }
}
