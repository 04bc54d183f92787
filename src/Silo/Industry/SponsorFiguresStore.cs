using Dapper;
using Npgsql;

namespace Fashionistas.Silo.Industry;

/// <summary>
/// Tables <c>sponsor_benefits</c> and <c>sponsor_placement_views</c>: what sponsorship packages promise and deliver,
/// how often placements are seen, and the sponsors' CRM sync state.
/// </summary>
public sealed class SponsorFiguresStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const string BenefitColumns =
        "id AS Id, event_id AS EventId, sponsor_id AS SponsorId, kind AS Kind, description AS Description, delivered_at AS DeliveredAt";

    /// <summary>Adds a benefit to the sponsorship; null when the sponsor does not sponsor the event.</summary>
    public async Task<SponsorBenefit?> AddBenefitAsync(
        Guid eventId, Guid sponsorId, string kind, string description, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SponsorBenefit>(new CommandDefinition(
            $"""
            INSERT INTO sponsor_benefits (id, event_id, sponsor_id, kind, description)
            SELECT @id, event_id, sponsor_id, @kind, @description FROM event_sponsors WHERE event_id = @eventId AND sponsor_id = @sponsorId
            RETURNING {BenefitColumns}
            """, new { id = Guid.NewGuid(), eventId, sponsorId, kind, description }, cancellationToken: cancellationToken));
    }

    /// <summary>Marks the benefit delivered (once: a second call keeps the first time); null when it is not this sponsorship's.</summary>
    public async Task<SponsorBenefit?> DeliverAsync(Guid eventId, Guid sponsorId, Guid benefitId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SponsorBenefit>(new CommandDefinition(
            $"""
            UPDATE sponsor_benefits SET delivered_at = COALESCE(delivered_at, now())
            WHERE id = @benefitId AND event_id = @eventId AND sponsor_id = @sponsorId
            RETURNING {BenefitColumns}
            """, new { eventId, sponsorId, benefitId }, cancellationToken: cancellationToken));
    }

    /// <summary>The event's sponsorship benefits, for its organizer.</summary>
    public async Task<IReadOnlyList<SponsorBenefit>> BenefitsOfEventAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SponsorBenefit>(new CommandDefinition(
            $"SELECT {BenefitColumns} FROM sponsor_benefits WHERE event_id = @eventId ORDER BY created_at, id",
            new { eventId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// Adds counted views (today, UTC) in one statement. Events or sponsors deleted meanwhile are skipped: their
    /// views no longer belong to anyone.
    /// </summary>
    public async Task AddViewsAsync(IReadOnlyDictionary<(Guid EventId, Guid SponsorId), long> counts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO sponsor_placement_views (event_id, sponsor_id, day, views)
            SELECT c.event_id, c.sponsor_id, @day, c.views
            FROM unnest(@eventIds, @sponsorIds, @views) AS c(event_id, sponsor_id, views)
            WHERE EXISTS (SELECT 1 FROM events e WHERE e.id = c.event_id) AND EXISTS (SELECT 1 FROM sponsors s WHERE s.id = c.sponsor_id)
            ON CONFLICT (sponsor_id, event_id, day) DO UPDATE SET views = sponsor_placement_views.views + excluded.views
            """,
            new
            {
                eventIds = counts.Keys.Select(k => k.EventId).ToArray(),
                sponsorIds = counts.Keys.Select(k => k.SponsorId).ToArray(),
                views = counts.Values.ToArray(),
                day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime),
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>Per sponsored event, soonest first: tier, contribution, placement views, benefits, and its guests' tickets and check-ins.</summary>
    public async Task<IReadOnlyList<SponsorEventFigures>> FiguresAsync(Guid sponsorId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var events = await connection.QueryAsync<SponsoredEventRow>(
            new CommandDefinition(
                """
                SELECT es.event_id AS EventId, e.name AS EventName, e.starts_at AS StartsAt, es.tier AS Tier, es.contribution AS Contribution,
                       COALESCE((SELECT sum(v.views) FROM sponsor_placement_views v WHERE v.event_id = es.event_id AND v.sponsor_id = es.sponsor_id), 0)::bigint AS Views,
                       COALESCE(g.seats, 0)::int AS Seats, COALESCE(g.used, 0)::int AS Used, COALESCE(g.check_ins, 0)::int AS CheckIns
                FROM event_sponsors es JOIN events e ON e.id = es.event_id
                LEFT JOIN LATERAL (
                    SELECT (SELECT sum(a.quantity) FROM ticket_allocations a WHERE a.event_id = es.event_id AND a.sponsor_id = es.sponsor_id) AS seats,
                           count(k.id) FILTER (WHERE k.status = 'valid') AS used,
                           count(ci.ticket_id) AS check_ins
                    FROM ticket_allocations a
                    JOIN holds h ON h.allocation_id = a.id
                    JOIN orders o ON o.hold_id = h.id
                    JOIN tickets k ON k.order_id = o.id
                    LEFT JOIN check_ins ci ON ci.ticket_id = k.id
                    WHERE a.event_id = es.event_id AND a.sponsor_id = es.sponsor_id
                ) g ON true
                WHERE es.sponsor_id = @sponsorId
                ORDER BY e.starts_at, e.id
                """, new { sponsorId }, cancellationToken: cancellationToken));
        var benefits = (await connection.QueryAsync<SponsorBenefit>(new CommandDefinition(
            $"SELECT {BenefitColumns} FROM sponsor_benefits WHERE sponsor_id = @sponsorId ORDER BY created_at, id",
            new { sponsorId }, cancellationToken: cancellationToken))).ToLookup(b => b.EventId);
        return events.Select(e => new SponsorEventFigures(
            e.EventId, e.EventName, e.StartsAt, e.Tier, e.Contribution, e.Views, benefits[e.EventId].ToList(), e.Seats, e.Used, e.CheckIns)).ToList();
    }

    /// <summary>Sponsors with their CRM sync state by name: those <paramref name="createdBy"/> added, or all when null (admins).</summary>
    public async Task<IReadOnlyList<SponsorSyncState>> SyncStatesAsync(Guid? createdBy, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SponsorSyncState>(new CommandDefinition(
            """
            SELECT s.id AS Id, s.name AS Name, s.tier AS Tier, s.crm_company_id AS CrmCompanyId, s.crm_person_id AS CrmPersonId,
                   s.crm_synced_at AS CrmSyncedAt, COALESCE(o.pending, 0)::int AS PendingSyncs, o.last_error AS LastError
            FROM sponsors s
            LEFT JOIN LATERAL (
                SELECT count(*) AS pending, (array_agg(last_error ORDER BY id DESC))[1] AS last_error
                FROM outbox WHERE kind = @kind AND processed_at IS NULL AND payload->>'sponsorId' = s.id::text
            ) o ON true
            WHERE @createdBy::uuid IS NULL OR s.created_by = @createdBy
            ORDER BY lower(s.name), s.id
            """, new { createdBy, kind = Outbox.OutboxKinds.CrmSponsorUpsert }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private sealed record SponsoredEventRow(
        Guid EventId, string EventName, DateTime StartsAt, string Tier, long Contribution, long Views, int Seats, int Used, int CheckIns);
}
