using Dapper;
using Npgsql;

namespace Fashionistas.Silo.Crm;

/// <summary>The sponsor as the CRM sync reads it, and the CRM ids it writes back.</summary>
public sealed class SponsorCrmStore(NpgsqlDataSource dataSource)
{
    /// <summary>Null when the sponsor no longer exists.</summary>
    public async Task<SponsorCrmFacts?> FindAsync(Guid sponsorId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SponsorCrmFacts>(new CommandDefinition(
            """
            SELECT s.id AS Id, s.name AS Name, s.contact_name AS ContactName, s.contact_email AS ContactEmail, s.phone AS Phone,
                   s.tier AS Tier, s.crm_company_id AS CrmCompanyId, s.crm_person_id AS CrmPersonId,
                   COALESCE((SELECT sum(es.contribution) FROM event_sponsors es WHERE es.sponsor_id = s.id), 0)::bigint AS TotalContribution
            FROM sponsors s WHERE s.id = @sponsorId
            """, new { sponsorId }, cancellationToken: cancellationToken));
    }

    public async Task SaveIdsAsync(
        Guid sponsorId, string companyId, string? personId, DateTimeOffset syncedAt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sponsors SET crm_company_id = @companyId, crm_person_id = @personId, crm_synced_at = @syncedAt WHERE id = @sponsorId",
            new { sponsorId, companyId, personId, syncedAt = syncedAt.UtcDateTime }, cancellationToken: cancellationToken));
    }
}
