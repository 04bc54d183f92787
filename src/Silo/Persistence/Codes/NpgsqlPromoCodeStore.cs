using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Storage;
using Fashionistas.Silo.Persistence.Inventory;
using Npgsql;

namespace Fashionistas.Silo.Persistence.Codes;

/// <summary>
/// Code uses in PostgreSQL, on the inventory's pool. A batch is one transaction sent as one <see cref="NpgsqlBatch"/>:
/// the fenced UPDATE of the code row first (its count and version; the CHECK against max_uses is the last guard), then
/// the new uses, the uses counted for late payments and the uses given back through unnest. Every row count is checked.
/// </summary>
public sealed class NpgsqlPromoCodeStore(InventoryDataSource inventoryDataSource) : IPromoCodeStore
{
    private readonly NpgsqlDataSource _dataSource = inventoryDataSource.DataSource;

    private static readonly string LoadCode = $"SELECT {PromoCodeColumns.Definition}, version FROM promo_codes WHERE id = $1";

    // Live uses, and keyed uses inside the idempotency window, each with its hold's status (null: not placed yet).
    private const string LoadUses = """
        SELECT u.id, u.buyer_id, u.idempotency_key, u.created_at, u.deadline, u.released_at IS NOT NULL, h.status,
               u.late_sale_at IS NOT NULL
        FROM promo_code_uses u LEFT JOIN holds h ON h.id = u.id
        WHERE u.promo_code_id = $1 AND (u.released_at IS NULL OR (u.idempotency_key IS NOT NULL AND u.created_at >= $2))
        """;

    private const string UpdateCode =
        "UPDATE promo_codes SET uses = $2, version = version + 1, disabled_at = coalesce(disabled_at, $4) WHERE id = $1 AND version = $3";

    private const string InsertUses = """
        INSERT INTO promo_code_uses (id, promo_code_id, buyer_id, idempotency_key, created_at, deadline, released_at)
        SELECT u.id, $1, u.buyer_id, u.idempotency_key, u.created_at, u.deadline, CASE WHEN u.released THEN now() END
        FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::boolean[])
             AS u(id, buyer_id, idempotency_key, created_at, deadline, released)
        """;

    // Live again whatever the row was (live, given back, or missing), and marked as counted for a late payment.
    private const string UpsertLateSales = """
        INSERT INTO promo_code_uses (id, promo_code_id, buyer_id, created_at, deadline, late_sale_at)
        SELECT u.id, $1, u.buyer_id, u.created_at, u.deadline, now()
        FROM unnest($2::uuid[], $3::uuid[], $4::timestamptz[], $5::timestamptz[]) AS u(id, buyer_id, created_at, deadline)
        ON CONFLICT (id) DO UPDATE SET released_at = NULL, deadline = EXCLUDED.deadline, late_sale_at = EXCLUDED.late_sale_at
        WHERE promo_code_uses.promo_code_id = EXCLUDED.promo_code_id
        """;

    private const string ReleaseUses =
        "UPDATE promo_code_uses SET released_at = now() WHERE promo_code_id = $1 AND id = ANY($2) AND released_at IS NULL";

    public async Task<PromoCodeLoad?> LoadAsync(Guid codeId, DateTimeOffset keysSince, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands = { Db.Command(LoadCode, Db.Value(codeId)), Db.Command(LoadUses, Db.Value(codeId), Db.Time(keysSince)) },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var definition = PromoCodeColumns.Read(reader, 0);
        var version = reader.GetInt64(PromoCodeColumns.Count);
        await reader.NextResultAsync(cancellationToken);
        var uses = new List<StoredCodeUse>();
        while (await reader.ReadAsync(cancellationToken))
        {
            uses.Add(new StoredCodeUse(
                reader.GetGuid(0),
                reader.GetGuid(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetBoolean(5),
                reader.IsDBNull(6) ? null : HoldStatusNames.Parse(reader.GetString(6)))
            {
                LateSale = reader.GetBoolean(7),
            });
        }

        return new PromoCodeLoad(definition, version, uses);
    }

    public async Task CommitAsync(PromoCodeBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new CountedBatch(connection, transaction);

        command.Add("the code's count (fenced)", 1, Db.Command(
            UpdateCode, Db.Value(batch.CodeId), Db.Value(batch.Uses), Db.Value(batch.ExpectedVersion), Db.Nullable(batch.Disable)));
        if (batch.NewUses.Count > 0)
        {
            var uses = batch.NewUses;
            command.Add("new uses", uses.Count, Db.Command(
                InsertUses,
                Db.Value(batch.CodeId),
                Db.Value(uses.Select(u => u.Id).ToArray()),
                Db.Value(uses.Select(u => u.BuyerId).ToArray()),
                Db.Value(uses.Select(u => u.IdempotencyKey).ToArray()),
                Db.Value(uses.Select(u => u.CreatedAt.UtcDateTime).ToArray()),
                Db.Value(uses.Select(u => u.Deadline.UtcDateTime).ToArray()),
                Db.Value(uses.Select(u => u.Released).ToArray())));
        }

        if (batch.LateSales.Count > 0)
        {
            var late = batch.LateSales;
            command.Add("uses counted for late payments", late.Count, Db.Command(
                UpsertLateSales,
                Db.Value(batch.CodeId),
                Db.Value(late.Select(u => u.Id).ToArray()),
                Db.Value(late.Select(u => u.BuyerId).ToArray()),
                Db.Value(late.Select(u => u.CreatedAt.UtcDateTime).ToArray()),
                Db.Value(late.Select(u => u.Deadline.UtcDateTime).ToArray())));
        }

        if (batch.Released.Count > 0)
        {
            command.Add("uses given back", batch.Released.Count, Db.Command(ReleaseUses, Db.Value(batch.CodeId), Db.Value(batch.Released.ToArray())));
        }

        if (await command.ExecuteAsync(cancellationToken) is { } mismatch)
        {
            throw new InventoryCommitException(mismatch.Describe($"Code {batch.CodeId}"));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, HoldStatus>> HoldStatusesAsync(Guid[] holdIds, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT id, status FROM holds WHERE id = ANY($1)");
        command.Parameters.Add(Db.Value(holdIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var statuses = new Dictionary<Guid, HoldStatus>();
        while (await reader.ReadAsync(cancellationToken))
        {
            statuses[reader.GetGuid(0)] = HoldStatusNames.Parse(reader.GetString(1));
        }

        return statuses;
    }
}
