using System.Collections.Concurrent;
using Fashionistas.Grains.Contracts;
using Fashionistas.Silo.Persistence.Codes;
using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Silo.Codes;

/// <summary>
/// The codes of events in PostgreSQL outside the grain: creating them, listing them with their use, and finding a code's
/// id from its text. Uses and disabling go through the code's grain.
/// </summary>
public sealed class PromoCodeCatalog(NpgsqlDataSource dataSource)
{
    /// <summary>Most code ids one node remembers before it starts over (ids never change, so they are never stale).</summary>
    private const int MaxCachedIds = 100_000;

    private readonly ConcurrentDictionary<(Guid EventId, string Key), Guid> _ids = new();

    private static readonly string ListCodes = $"""
        SELECT {string.Join(", ", PromoCodeColumns.Definition.Split(", ").Select(c => "c." + c))}, c.uses, c.created_at,
               count(h.id) FILTER (WHERE h.status = 'active')::int, count(h.id) FILTER (WHERE h.status = 'converted')::int
        FROM promo_codes c LEFT JOIN holds h ON h.promo_code_id = c.id
        WHERE c.event_id = $1 GROUP BY c.id ORDER BY c.created_at, c.id
        """;

    // The tiers named must all be the event's; the unique index on (event_id, code_key) refuses a second code alike.
    private const string InsertCode = """
        INSERT INTO promo_codes (id, event_id, code, code_key, percent_off, amount_off, ticket_type_ids, opens_presale,
                                 valid_from, valid_until, max_uses, max_uses_per_buyer, created_by)
        SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13
        WHERE $7::uuid[] IS NULL
           OR (SELECT count(*) FROM ticket_types t WHERE t.event_id = $2 AND t.id = ANY($7)) = cardinality($7)
        ON CONFLICT (event_id, code_key) DO NOTHING
        """;

    public async Task<(CreateCodeOutcome Outcome, Guid Id)> CreateAsync(NewPromoCode code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var id = Guid.CreateVersion7();
        var tiers = code.TicketTypeIds?.Distinct().ToArray();
        await using var command = dataSource.CreateCommand(InsertCode);
        command.Parameters.Add(Db.Value(id));
        command.Parameters.Add(Db.Value(code.EventId));
        command.Parameters.Add(Db.Value(code.Code.Trim()));
        command.Parameters.Add(Db.Value(PromoCodeDefinition.KeyOf(code.Code)));
        command.Parameters.Add(Db.Nullable(code.PercentOff));
        command.Parameters.Add(Db.Nullable(code.AmountOff));
        command.Parameters.Add(tiers is null
            ? new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid, Value = DBNull.Value }
            : Db.Value(tiers));
        command.Parameters.Add(Db.Value(code.OpensPresale));
        command.Parameters.Add(Db.Nullable(code.ValidFrom));
        command.Parameters.Add(Db.Nullable(code.ValidUntil));
        command.Parameters.Add(Db.Nullable(code.MaxUses));
        command.Parameters.Add(Db.Nullable(code.MaxUsesPerBuyer));
        command.Parameters.Add(Db.Value(code.CreatedBy));
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return (CreateCodeOutcome.Created, id);
        }

        // Nothing inserted: either the tiers were not the event's or the code exists. The tiers say which.
        return await FindIdAsync(code.EventId, code.Code, cancellationToken) is { } existing
            ? (CreateCodeOutcome.Duplicate, existing)
            : (CreateCodeOutcome.UnknownTicketType, Guid.Empty);
    }

    public async Task<IReadOnlyList<PromoCodeSummary>> ListAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ListCodes);
        command.Parameters.Add(Db.Value(eventId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var codes = new List<PromoCodeSummary>();
        var next = PromoCodeColumns.Count;
        while (await reader.ReadAsync(cancellationToken))
        {
            codes.Add(new PromoCodeSummary(
                PromoCodeColumns.Read(reader, 0),
                reader.GetInt32(next),
                reader.GetInt32(next + 2),
                reader.GetInt32(next + 3),
                reader.GetFieldValue<DateTimeOffset>(next + 1)));
        }

        return codes;
    }

    /// <summary>The id of the event's code typed as <paramref name="code"/> (any case), or null.</summary>
    public async Task<Guid?> FindIdAsync(Guid eventId, string code, CancellationToken cancellationToken)
    {
        var key = (eventId, PromoCodeDefinition.KeyOf(code));
        if (_ids.TryGetValue(key, out var cached))
        {
            return cached;
        }

        await using var command = dataSource.CreateCommand("SELECT id FROM promo_codes WHERE event_id = $1 AND code_key = $2");
        command.Parameters.Add(Db.Value(eventId));
        command.Parameters.Add(Db.Value(key.Item2));
        if (await command.ExecuteScalarAsync(cancellationToken) is not Guid id)
        {
            // Unknown codes are not remembered: one may be created the next moment.
            return null;
        }

        if (_ids.Count >= MaxCachedIds)
        {
            _ids.Clear();
        }

        _ids[key] = id;
        return id;
    }
}
