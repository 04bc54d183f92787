using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Storage;
using Fashionistas.Silo.Persistence.Inventory;
using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Tests.Grains.Support;

/// <summary>Rows the inventory tests need: users, and events with ticket types made through the grains.</summary>
public static class TestData
{
    public static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static EventDraft Draft(int capacity = 1_000) => new(
        "Bogotá Fashion Week", "Pasarela principal", "Ágora Bogotá", Start.AddDays(30), Start.AddDays(30).AddHours(5), capacity);

    public static TicketTypeDefinition TicketType(int capacity, int perBuyerLimit = 4, long price = 150_000) =>
        new("General", "Acceso general", price, capacity, perBuyerLimit);

    /// <summary>Inserts <paramref name="count"/> users and returns their ids.</summary>
    public static async Task<Guid[]> UsersAsync(NpgsqlDataSource dataSource, int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        await using var command = dataSource.CreateCommand("""
            INSERT INTO users (id, email, password_hash, display_name)
            SELECT id, id::text || '@example.test', 'not-a-hash', 'Test user' FROM unnest($1::uuid[]) AS id
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = ids });
        await command.ExecuteNonQueryAsync();
        return ids;
    }

    /// <summary>
    /// An event on sale with one ticket type; returns (event id, ticket type id). The type is added once the
    /// event is on sale, so its grain reads that status on activation instead of waiting for one-way pushes.
    /// </summary>
    public static async Task<(Guid EventId, Guid TicketTypeId)> OnSaleAsync(
        InventorySilo silo, Guid organizerId, TicketTypeDefinition ticketType, int eventCapacity = 1_000)
    {
        var eventId = Guid.NewGuid();
        var grain = silo.Get<IEventGrain>(eventId);
        Assert.IsType<EventResult.Ok>(await grain.Create(Draft(eventCapacity), organizerId));
        foreach (var step in new[] { EventStatus.Review, EventStatus.Published, EventStatus.OnSale })
        {
            Assert.IsType<TransitionResult.Changed>(await grain.Transition(step, organizerId, null));
        }

        var added = Assert.IsType<TicketTypeResult.Ok>(await grain.AddTicketType(ticketType));
        return (eventId, added.TicketType.Id);
    }

    /// <summary>An order awaiting payment for a hold, as checkout would create it.</summary>
    public static async Task<Guid> PendingOrderAsync(NpgsqlDataSource dataSource, HoldInfo hold)
    {
        var orderId = Guid.NewGuid();
        await using var command = dataSource.CreateCommand("""
            INSERT INTO orders (id, hold_id, buyer_id, event_id, ticket_type_id, quantity, unit_price, total, status, payment_provider)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending_payment', 'test')
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = orderId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = hold.HoldId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = hold.BuyerId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = hold.EventId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = hold.TicketTypeId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = hold.Quantity });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = hold.UnitPrice });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = hold.Total });
        await command.ExecuteNonQueryAsync();
        return orderId;
    }

    /// <summary>The sale of a pending order as checkout passes it to the grain, right after reading the order.</summary>
    public static SaleRequest Sale(HoldInfo hold, Guid orderId) =>
        new(orderId, hold.HoldId, hold.BuyerId, hold.Quantity, OrderStatusNames.PendingPayment);

    /// <summary>The sale of an order as it is stored now (status and tickets), as a caller reads it before confirming.</summary>
    public static async Task<SaleRequest> StoredSaleAsync(NpgsqlDataSource dataSource, Guid orderId) =>
        SaleRequest.From(await new NpgsqlTicketInventoryStore(new InventoryDataSource(dataSource)).FindOrderAsync(orderId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Order {orderId} does not exist."));

    public static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }
}
