using Dapper;
using Fashionistas.Silo.Accounts;
using Fashionistas.Silo.Outbox;
using Npgsql;

namespace Fashionistas.Silo.Industry;

/// <summary>
/// Tables <c>sponsors</c>, <c>sponsor_members</c> and <c>event_sponsors</c>. Every change a CRM cares about (the
/// sponsor, its sponsorships) writes a <see cref="OutboxKinds.CrmSponsorUpsert"/> row in the same transaction.
/// </summary>
public sealed class SponsorStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "id AS Id, name AS Name, contact_name AS ContactName, contact_email AS ContactEmail, phone AS Phone, tier AS Tier, " +
        "created_by AS CreatedBy, crm_company_id AS CrmCompanyId, crm_person_id AS CrmPersonId";

    private const string SponsorshipColumns =
        "es.event_id AS EventId, e.name AS EventName, s.id AS SponsorId, s.name AS SponsorName, es.tier AS Tier, es.contribution AS Contribution";

    /// <summary>Creates a sponsor; null when the name is taken.</summary>
    public async Task<Sponsor?> CreateAsync(SponsorFields fields, Guid createdBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var sponsor = await connection.QuerySingleOrDefaultAsync<Sponsor>(new CommandDefinition(
            $"""
            INSERT INTO sponsors (id, name, contact_name, contact_email, phone, tier, created_by)
            VALUES (@id, @Name, @ContactName, @ContactEmail, @Phone, @Tier, @createdBy)
            ON CONFLICT (lower(name)) DO NOTHING
            RETURNING {Columns}
            """,
            new { id = Guid.NewGuid(), fields.Name, fields.ContactName, fields.ContactEmail, fields.Phone, fields.Tier, createdBy },
            transaction, cancellationToken: cancellationToken));
        if (sponsor is null)
        {
            return null;
        }

        await EnqueueSyncAsync(connection, transaction, sponsor.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sponsor;
    }

    /// <summary>Replaces the sponsor's details.</summary>
    public async Task<(SponsorWriteStatus Status, Sponsor? Sponsor)> UpdateAsync(Guid id, SponsorFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM sponsors WHERE lower(name) = lower(@Name) AND id <> @id)",
                new { id, fields.Name }, transaction, cancellationToken: cancellationToken)))
        {
            return (SponsorWriteStatus.NameTaken, null);
        }

        Sponsor? sponsor;
        try
        {
            sponsor = await connection.QuerySingleOrDefaultAsync<Sponsor>(new CommandDefinition(
            $"""
            UPDATE sponsors SET name = @Name, contact_name = @ContactName, contact_email = @ContactEmail, phone = @Phone,
                tier = @Tier, updated_at = now()
            WHERE id = @id
            RETURNING {Columns}
            """,
            new { id, fields.Name, fields.ContactName, fields.ContactEmail, fields.Phone, fields.Tier },
            transaction, cancellationToken: cancellationToken));
        }
        catch (PostgresException unique) when (unique.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another writer took the name between the check and the update.
            return (SponsorWriteStatus.NameTaken, null);
        }

        if (sponsor is null)
        {
            return (SponsorWriteStatus.NotFound, null);
        }

        await EnqueueSyncAsync(connection, transaction, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (SponsorWriteStatus.Done, sponsor);
    }

    public async Task<Sponsor?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Sponsor>(new CommandDefinition(
            $"SELECT {Columns} FROM sponsors WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>A page of sponsors by name: those <paramref name="createdBy"/> created, or all when it is null.</summary>
    public async Task<(IReadOnlyList<Sponsor> Items, long Total)> ListAsync(
        Guid? createdBy, int page, int pageSize, CancellationToken cancellationToken)
    {
        const string where = "WHERE (@createdBy::uuid IS NULL OR created_by = @createdBy)";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM sponsors {where}", new { createdBy }, cancellationToken: cancellationToken));
        var items = await connection.QueryAsync<Sponsor>(new CommandDefinition(
            $"SELECT {Columns} FROM sponsors {where} ORDER BY lower(name), id LIMIT @limit OFFSET @offset",
            new { createdBy, limit = pageSize, offset = (page - 1) * pageSize }, cancellationToken: cancellationToken));
        return (items.AsList(), total);
    }

    /// <summary>Links a sponsor-role user to the sponsor (moving them if they acted for another).</summary>
    public async Task<MemberLinkStatus> LinkMemberAsync(Guid sponsorId, Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (sponsorExists, userExists, isSponsorUser) = await connection.QuerySingleAsync<(bool, bool, bool)>(new CommandDefinition(
            """
            SELECT EXISTS (SELECT 1 FROM sponsors WHERE id = @sponsorId),
                   EXISTS (SELECT 1 FROM users WHERE id = @userId),
                   EXISTS (SELECT 1 FROM user_roles WHERE user_id = @userId AND role = @role)
            """, new { sponsorId, userId, role = UserRoles.Sponsor }, cancellationToken: cancellationToken));
        if (!sponsorExists)
        {
            return MemberLinkStatus.NoSuchSponsor;
        }

        if (!userExists)
        {
            return MemberLinkStatus.NoSuchUser;
        }

        if (!isSponsorUser)
        {
            return MemberLinkStatus.NotASponsorUser;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO sponsor_members (user_id, sponsor_id) VALUES (@userId, @sponsorId)
            ON CONFLICT (user_id) DO UPDATE SET sponsor_id = excluded.sponsor_id, linked_at = now()
            """, new { sponsorId, userId }, cancellationToken: cancellationToken));
        return MemberLinkStatus.Linked;
    }

    /// <summary>The sponsor <paramref name="userId"/> acts for, if any.</summary>
    public async Task<Sponsor?> SponsorOfMemberAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Sponsor>(new CommandDefinition(
            $"SELECT {Columns} FROM sponsors WHERE id = (SELECT sponsor_id FROM sponsor_members WHERE user_id = @userId)",
            new { userId }, cancellationToken: cancellationToken));
    }

    /// <summary>The sponsor's sponsorships, soonest event first.</summary>
    public async Task<IReadOnlyList<Sponsorship>> SponsorshipsAsync(Guid sponsorId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Sponsorship>(new CommandDefinition(
            $"""
            SELECT {SponsorshipColumns}
            FROM event_sponsors es JOIN sponsors s ON s.id = es.sponsor_id JOIN events e ON e.id = es.event_id
            WHERE es.sponsor_id = @sponsorId
            ORDER BY e.starts_at, e.id
            """, new { sponsorId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Creates or replaces the sponsor's sponsorship of the event; null when the sponsor does not exist.</summary>
    public async Task<Sponsorship?> UpsertSponsorshipAsync(
        Guid eventId, Guid sponsorId, string tier, long contribution, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var written = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO event_sponsors (event_id, sponsor_id, tier, contribution)
            SELECT @eventId, id, @tier, @contribution FROM sponsors WHERE id = @sponsorId
            ON CONFLICT (event_id, sponsor_id) DO UPDATE SET tier = excluded.tier, contribution = excluded.contribution, updated_at = now()
            """, new { eventId, sponsorId, tier, contribution }, transaction, cancellationToken: cancellationToken));
        if (written == 0)
        {
            return null;
        }

        var sponsorship = await connection.QuerySingleAsync<Sponsorship>(new CommandDefinition(
            $"""
            SELECT {SponsorshipColumns}
            FROM event_sponsors es JOIN sponsors s ON s.id = es.sponsor_id JOIN events e ON e.id = es.event_id
            WHERE es.event_id = @eventId AND es.sponsor_id = @sponsorId
            """, new { eventId, sponsorId }, transaction, cancellationToken: cancellationToken));
        await EnqueueSyncAsync(connection, transaction, sponsorId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sponsorship;
    }

    /// <summary>Ends the sponsorship; false when there was none.</summary>
    public async Task<bool> RemoveSponsorshipAsync(Guid eventId, Guid sponsorId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var removed = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM event_sponsors WHERE event_id = @eventId AND sponsor_id = @sponsorId",
            new { eventId, sponsorId }, transaction, cancellationToken: cancellationToken));
        if (removed == 0)
        {
            return false;
        }

        await EnqueueSyncAsync(connection, transaction, sponsorId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static Task EnqueueSyncAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid sponsorId, CancellationToken cancellationToken) =>
        OutboxStore.EnqueueAsync(connection, transaction, OutboxKinds.CrmSponsorUpsert, "sponsorId", sponsorId, cancellationToken);
}
