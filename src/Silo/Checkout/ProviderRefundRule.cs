using Fashionistas.Silo.Tickets;

namespace Fashionistas.Silo.Checkout;

/// <summary>
/// What a refund made at the payment provider (Stripe's <c>charge.refunded</c>, a cumulative amount for the whole
/// payment) means for the seats: one rule for an order of one tier and for one of several, whose one payment has no
/// line of its own. Seats already returned count first, at their line's unit price; what is left of the refund buys
/// seats back most expensive tier first (ties by tier id), a seat only when the rest covers its whole price, within a
/// tier unscanned tickets first and newest first. Free seats are never bought back. With one tier this is "as many
/// seats as it pays for".
/// </summary>
/// <remarks>
/// The plan depends only on the refunded amount and on which tickets are void, and every seat it returns is returned in
/// its tier's own atomic <c>ReturnSeats</c>, so deliveries of the same refund that run at once or again agree: whichever
/// tiers another delivery has already returned, this one finds the same seats in the others and none more in those.
/// Every line's refunded amount rises to the seats returned in it, plus what of the refund buys no whole seat, given to
/// the lines in the same order up to their totals; so the lines add up to the refund.
/// </remarks>
public static class ProviderRefundRule
{
    private const string Valid = "valid";
    private const string Void = "void";

    /// <param name="lines">The order's paid lines (one for an order of one tier).</param>
    /// <param name="tickets">Every ticket of those lines, read in one statement.</param>
    /// <param name="amountRefunded">The provider's cumulative refunded amount for the payment, in pesos.</param>
    public static ProviderRefundPlan Plan(IReadOnlyList<OrderRecord> lines, IReadOnlyList<TicketRecord> tickets, long amountRefunded)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(tickets);
        var ordered = lines.OrderByDescending(l => l.UnitPrice).ThenBy(l => l.TicketTypeId).ThenBy(l => l.Id).ToList();
        var byLine = tickets.ToLookup(t => t.OrderId);
        var target = Math.Min(ordered.Sum(l => l.Total), Math.Max(0, amountRefunded));
        var credit = target - ordered.Sum(l => l.UnitPrice * byLine[l.Id].Count(t => t.Status == Void));
        var returns = new List<ProviderRefundPlan.SeatReturn>();
        var returnedValue = new Dictionary<Guid, long>();
        foreach (var line in ordered)
        {
            var seats = line.UnitPrice <= 0 || credit < line.UnitPrice
                ? []
                : byLine[line.Id]
                    .Where(t => t.Status == Valid)
                    .OrderBy(t => t.CheckedInAt is not null)
                    .ThenByDescending(t => t.Id)
                    .Take((int)Math.Min(int.MaxValue, credit / line.UnitPrice))
                    .Select(t => t.Id)
                    .ToArray();
            credit -= line.UnitPrice * seats.Length;
            if (seats.Length > 0)
            {
                returns.Add(new ProviderRefundPlan.SeatReturn(line, seats));
            }

            returnedValue[line.Id] = Math.Min(line.Total, line.UnitPrice * (byLine[line.Id].Count(t => t.Status == Void) + seats.Length));
        }

        var rest = target - returnedValue.Values.Sum();
        var refunded = new List<ProviderRefundPlan.LineRefund>();
        foreach (var line in ordered)
        {
            var extra = Math.Clamp(rest, 0, line.Total - returnedValue[line.Id]);
            rest -= extra;
            refunded.Add(new ProviderRefundPlan.LineRefund(line, returnedValue[line.Id] + extra));
        }

        return new ProviderRefundPlan(returns, refunded);
    }
}
