using Fashionistas.Grains.Contracts;
using Fashionistas.Silo.Tickets;
using Fashionistas.Tests.Grains.Support;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Checkout;

/// <summary>Transfers in the ticket-type grain: one transaction, replayable across restarts, refundable afterwards.</summary>
public sealed class TicketTransferGrainTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ATransferMarksTheOldTicketAndIssuesTheRecipientANewCodeInTheSameOrder()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var (grain, orderId, tickets, users) = await SoldAsync(silo, quantity: 2);

        var transferred = Assert.IsType<TransferResult.Transferred>(await grain.TransferTicket(orderId, tickets[0].TicketId, users[2]));

        Assert.True(TicketCodeGenerator.IsWellFormed(transferred.NewTicket.Code));
        Assert.NotEqual(tickets[0].Code, transferred.NewTicket.Code);
        Assert.Equal("transferred", await Status(tickets[0].TicketId));
        Assert.Equal(1L, await TestData.ScalarAsync<long>(db.DataSource,
            "SELECT count(*) FROM tickets WHERE id = $1 AND order_id = $2 AND owner_id = $3 AND status = 'valid' AND transferred_from = $4",
            transferred.NewTicket.TicketId, orderId, users[2], tickets[0].TicketId));
        Assert.Equal(2, (await grain.GetAvailability())!.Sold);
        Assert.IsType<TransferResult.Invalid>(await grain.TransferTicket(orderId, tickets[0].TicketId, users[2]));
    }

    [Fact]
    public async Task AfterARestartTheTransferredTicketIsRefusedAndItsReplacementReturnsItsSeat()
    {
        var users = await TestData.UsersAsync(db.DataSource, 3);
        Guid ticketTypeId;
        Guid orderId;
        Guid oldTicket;
        Guid newTicket;
        await using (var silo = await InventorySilo.StartAsync(db.DataSource))
        {
            (var grain, orderId, var tickets, _) = await SoldAsync(silo, quantity: 1, users);
            ticketTypeId = (await grain.GetAvailability())!.TicketTypeId;
            oldTicket = tickets[0].TicketId;
            newTicket = Assert.IsType<TransferResult.Transferred>(await grain.TransferTicket(orderId, oldTicket, users[2])).NewTicket.TicketId;
        }

        await using var restarted = await InventorySilo.StartAsync(db.DataSource);
        var again = restarted.Get<ITicketTypeGrain>(ticketTypeId);

        Assert.IsType<ReturnResult.Invalid>(await again.ReturnSeats(orderId, [oldTicket]));
        var returned = Assert.IsType<ReturnResult.Returned>(await again.ReturnSeats(orderId, [newTicket]));
        Assert.Equal(1, returned.SeatsReturned);
        var availability = await again.GetAvailability();
        Assert.Equal((10, 0), (availability!.Available, availability.Sold));
        Assert.Equal("void", await Status(newTicket));
    }

    private async Task<(ITicketTypeGrain Grain, Guid OrderId, IReadOnlyList<IssuedTicket> Tickets, Guid[] Users)> SoldAsync(
        InventorySilo silo, int quantity, Guid[]? users = null)
    {
        users ??= await TestData.UsersAsync(db.DataSource, 3);
        var (_, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 10));
        var grain = silo.Get<ITicketTypeGrain>(ticketTypeId);
        var hold = Assert.IsType<HoldResult.Accepted>(await grain.Hold(new HoldRequest(users[1], quantity))).Hold;
        var orderId = await TestData.PendingOrderAsync(db.DataSource, hold);
        var sold = Assert.IsType<SaleResult.Sold>(await grain.ConfirmSale(TestData.Sale(hold, orderId)));
        return (grain, orderId, sold.Tickets, users);
    }

    private Task<string> Status(Guid ticketId) =>
        TestData.ScalarAsync<string>(db.DataSource, "SELECT status FROM tickets WHERE id = $1", ticketId);
}
