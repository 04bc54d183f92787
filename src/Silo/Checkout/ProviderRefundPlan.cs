namespace Fashionistas.Silo.Checkout;

/// <summary>What <see cref="ProviderRefundRule"/> decided: the seats to return per line, in the rule's order, and each line's refunded amount.</summary>
public sealed record ProviderRefundPlan(IReadOnlyList<ProviderRefundPlan.SeatReturn> Returns, IReadOnlyList<ProviderRefundPlan.LineRefund> Refunded)
{
    /// <summary>Valid tickets of <paramref name="Line"/> to void, their seats back on sale.</summary>
    public sealed record SeatReturn(OrderRecord Line, Guid[] TicketIds);

    /// <summary>The cumulative amount <paramref name="Line"/> counts as refunded (it only ever rises).</summary>
    public sealed record LineRefund(OrderRecord Line, long Target);
}
