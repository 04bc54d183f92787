using Fashionistas.Silo.Checkout;
using Fashionistas.Silo.Tickets;

namespace Fashionistas.Tests.Checkout;

/// <summary>The one rule for what a refund made at the provider returns, for orders of one tier and of several.</summary>
public sealed class ProviderRefundRuleTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public void OneTierGetsBackAsManySeatsAsTheRefundPaysForCountingSeatsAlreadyReturned()
    {
        var line = Line(100_000, 3);
        var tickets = new[] { Ticket(line, 1, "void"), Ticket(line, 2), Ticket(line, 3) };

        var plan = ProviderRefundRule.Plan([line], tickets, 250_000);

        Assert.Equal([tickets[2].Id], Assert.Single(plan.Returns).TicketIds);
        Assert.Equal(250_000, Assert.Single(plan.Refunded).Target);
    }

    [Fact]
    public void ScannedSeatsComeBackLastAndFreeSeatsNever()
    {
        var paid = Line(100_000, 2);
        var free = Line(0, 1);
        var tickets = new[] { Ticket(paid, 1), Ticket(paid, 2, scanned: true), Ticket(free, 3) };

        var plan = ProviderRefundRule.Plan([paid, free], tickets, 100_000);

        Assert.Equal([tickets[0].Id], Assert.Single(plan.Returns).TicketIds);
    }

    [Fact]
    public void WhateverTiersAnotherDeliveryAlreadyReturnedTheOthersGetTheSameSeatsAndNoneMore()
    {
        var vip = Line(300_000, 1);
        var platea = Line(200_000, 2);
        var general = Line(100_000, 3);
        OrderRecord[] lines = [vip, platea, general];
        var tickets = lines.SelectMany((l, n) => Enumerable.Range(0, l.Quantity).Select(i => Ticket(l, (n * 10) + i))).ToArray();

        // 750.000: the VIP seat, both platea seats (700.000), then 50.000 that buys no general seat.
        var first = ProviderRefundRule.Plan(lines, tickets, 750_000);
        Assert.Equal([1, 2], first.Returns.Select(r => r.TicketIds.Length));
        Assert.Equal([300_000, 400_000, 50_000], first.Refunded.Select(r => r.Target));

        foreach (var done in Subsets(first.Returns))
        {
            var voided = done.SelectMany(r => r.TicketIds).ToHashSet();
            var after = tickets.Select(t => voided.Contains(t.Id) ? t with { Status = "void" } : t).ToArray();

            var again = ProviderRefundRule.Plan(lines, after, 750_000);

            Assert.Equal(
                first.Returns.Except(done).SelectMany(r => r.TicketIds).Order(),
                again.Returns.SelectMany(r => r.TicketIds).Order());
            Assert.Equal(first.Refunded.Select(r => r.Target), again.Refunded.Select(r => r.Target));
        }
    }

    private static IEnumerable<ProviderRefundPlan.SeatReturn[]> Subsets(IReadOnlyList<ProviderRefundPlan.SeatReturn> returns) =>
        Enumerable.Range(0, 1 << returns.Count).Select(mask => returns.Where((_, i) => (mask & (1 << i)) != 0).ToArray());

    private static OrderRecord Line(long unitPrice, int quantity) => new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Desfile", Guid.NewGuid(), "Tier",
        quantity, unitPrice, unitPrice * quantity, 0, "COP", "paid", "stripe", "pi_test", Now, Now, null, null);

    private static TicketRecord Ticket(OrderRecord line, int n, string status = "valid", bool scanned = false) => new(
        new Guid(n, 0, 0, new byte[8]), $"CODE{n}", line.Id, line.TicketTypeId, "Tier", line.EventId, "Desfile", line.OrganizerId,
        line.BuyerId, "Comprador", status, Now, scanned ? Now : null);
}
