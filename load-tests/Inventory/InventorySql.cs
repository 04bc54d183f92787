using Fashionistas.Grains.Contracts;
using Npgsql;

namespace Fashionistas.LoadTests.Inventory;

/// <summary>The few rows the drivers write themselves: buyers, and the pending order checkout would create.</summary>
internal static class InventorySql
{
    public static async Task<Guid[]> CreateUsersAsync(NpgsqlDataSource dataSource, int count, CancellationToken cancellationToken)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        await using var command = dataSource.CreateCommand("""
            INSERT INTO users (id, email, password_hash, display_name)
            SELECT id, id::text || '@load.test', 'not-a-hash', 'Load test buyer' FROM unnest($1::uuid[]) AS id
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = ids });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ids;
    }

    public static async Task<Guid[]> LoadUsersAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        await using var command = dataSource.CreateCommand("SELECT id FROM users ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return [.. ids];
    }

    public static async Task<Guid> CreatePendingOrderAsync(NpgsqlDataSource dataSource, HoldInfo hold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        var orderId = Guid.CreateVersion7();
        await using var command = dataSource.CreateCommand("""
            INSERT INTO orders (id, hold_id, buyer_id, event_id, ticket_type_id, quantity, unit_price, total, status, payment_provider)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending_payment', 'load-test')
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = orderId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = hold.HoldId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = hold.BuyerId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = hold.EventId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = hold.TicketTypeId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = hold.Quantity });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = hold.UnitPrice });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = hold.Total });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return orderId;
    }
}
