using Fashionistas.Grains.Contracts;

namespace Fashionistas.Silo.Checkout;

/// <summary>A paid order as checkout answers it: the buyer's valid tickets.</summary>
/// <param name="Status">The orders.status name (paid, or partially_refunded for a retry after a refund).</param>
public sealed record PaidCheckout(Guid OrderId, string Status, long Total, IReadOnlyList<IssuedTicket> Tickets)
{
    private const string ValidTicket = "valid";

    /// <summary>From the stored order: its tickets that are still valid and still the buyer's.</summary>
    public static PaidCheckout From(OrderDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var order = details.Order;
        return new PaidCheckout(
            order.Id,
            order.Status,
            order.Total,
            [.. details.Tickets.Where(t => t.Status == ValidTicket && t.OwnerId == order.BuyerId).Select(t => new IssuedTicket(t.Id, t.Code))]);
    }
}
