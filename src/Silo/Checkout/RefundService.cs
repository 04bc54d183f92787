using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Orleans;
using Fashionistas.Silo.Payments;
using Microsoft.Extensions.Logging;

namespace Fashionistas.Silo.Checkout;

/// <summary>
/// Refunds of paid orders, full or partial, and what a provider-side refund (webhook) means for the seats.
/// Tickets are voided and their seats returned first (the ticket-type grain, idempotent); the money owed is then
/// derived from the database: unit price × void tickets, minus what was already refunded. A retry after any failure
/// therefore refunds exactly what is still owed, with the same provider idempotency key.
/// </summary>
public sealed class RefundService(
    IGrainFactory grains,
    OrderStore orders,
    HoldGroupStore groups,
    IPaymentProvider provider,
    ILogger<RefundService> logger)
{
    private const string Valid = "valid";
    private const string Void = "void";

    public async Task<RefundOutcome> RefundAsync(
        Guid orderId, IReadOnlyList<Guid>? ticketIds, string reason, Guid? actorId, CancellationToken cancellationToken)
    {
        var details = await orders.FindAsync(orderId, cancellationToken);
        if (details is null)
        {
            return new RefundOutcome.NotFound();
        }

        var order = details.Order;
        if (!OrderStatusNames.IsRefundable(order.Status))
        {
            return new RefundOutcome.NotPaid(order.Status);
        }

        var byId = details.Tickets.ToDictionary(t => t.Id);
        IReadOnlyList<Guid> toReturn;
        if (ticketIds is null || ticketIds.Count == 0)
        {
            toReturn = [.. details.Tickets.Where(t => t.Status == Valid).Select(t => t.Id)];
        }
        else
        {
            foreach (var id in ticketIds)
            {
                if (!byId.TryGetValue(id, out var ticket))
                {
                    return new RefundOutcome.InvalidTickets($"Ticket {id} is not part of order {orderId}.");
                }

                if (ticket.Status is not (Valid or Void))
                {
                    return new RefundOutcome.InvalidTickets($"Ticket {id} is {ticket.Status} and cannot be refunded.");
                }
            }

            toReturn = [.. ticketIds.Distinct()];
        }

        if (toReturn.Count > 0)
        {
            var returned = await grains.GetGrain<ITicketTypeGrain>(order.TicketTypeId).ReturnSeats(orderId, [.. toReturn]);
            switch (returned)
            {
                case ReturnResult.Invalid invalid:
                    return new RefundOutcome.InvalidTickets(invalid.Reason);
                case ReturnResult.NotFound:
                    return new RefundOutcome.NotFound();
            }
        }

        return await SettleAsync(orderId, reason, actorId, cancellationToken);
    }

    /// <summary>
    /// Refunds an order of several tiers line by line (each line voids its tickets through its own ticket-type grain and
    /// refunds its part of the one payment under its own provider key): the named tickets, or every valid one.
    /// </summary>
    public async Task<RefundOutcome> RefundGroupAsync(
        Guid groupId, IReadOnlyList<Guid>? ticketIds, string reason, Guid? actorId, CancellationToken cancellationToken)
    {
        var group = await groups.FindOrderAsync(groupId, cancellationToken);
        if (group is null)
        {
            return new RefundOutcome.NotFound();
        }

        if (!OrderStatusNames.IsRefundable(group.Order.Status))
        {
            return new RefundOutcome.NotPaid(group.Order.Status);
        }

        var named = ticketIds is { Count: > 0 } ? ticketIds.ToHashSet() : null;
        if (named is not null && named.FirstOrDefault(id => group.Tickets.All(t => t.Id != id)) is var stranger && stranger != Guid.Empty)
        {
            return new RefundOutcome.InvalidTickets($"Ticket {stranger} is not part of order {groupId}.");
        }

        long refundedNow = 0;
        foreach (var line in group.Tickets.GroupBy(t => t.OrderId))
        {
            var ids = named is null ? null : line.Where(t => named.Contains(t.Id)).Select(t => t.Id).ToList();
            if (ids is { Count: 0 })
            {
                continue;
            }

            switch (await RefundAsync(line.Key, ids, reason, actorId, cancellationToken))
            {
                case RefundOutcome.Refunded refunded:
                    refundedNow += refunded.RefundedNow;
                    break;
                case RefundOutcome.NotPaid:
                    break;
                case var failed:
                    return failed;
            }
        }

        return new RefundOutcome.Refunded(await groups.FindOrderAsync(groupId, cancellationToken) ?? group, refundedNow);
    }

    /// <summary>
    /// A refund made at the provider (charge.refunded, cumulative <paramref name="amountRefunded"/>) of the payment of
    /// <paramref name="lines"/>: one order, or every line of an order of several tiers. Seats are returned by
    /// <see cref="ProviderRefundRule"/> (first, through each tier's grain, which pushes live availability), then each
    /// line's refunded amount rises to its share. Safe to run again or at once for the same refund: see the rule.
    /// </summary>
    public async Task ApplyProviderRefundAsync(IReadOnlyList<OrderRecord> lines, long amountRefunded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var paid = lines.Where(l => l.PaidAt is not null && OrderStatusNames.IsRefundable(l.Status)).ToList();
        if (paid.Count == 0)
        {
            return;
        }

        var tickets = await orders.ReadTicketsAsync([.. paid.Select(l => l.Id)], cancellationToken);
        var plan = ProviderRefundRule.Plan(paid, tickets, amountRefunded);
        foreach (var seats in plan.Returns)
        {
            var returned = await grains.GetGrain<ITicketTypeGrain>(seats.Line.TicketTypeId).ReturnSeats(seats.Line.Id, seats.TicketIds);
            logger.LogInformation("Provider refund of order {OrderId} returned seats: {Result}", seats.Line.Id, returned);
        }

        foreach (var line in plan.Refunded)
        {
            await orders.RecordRefundAsync(line.Line.Id, line.Target, null, "refunded at the payment provider", cancellationToken);
        }
    }

    private async Task<RefundOutcome> SettleAsync(Guid orderId, string reason, Guid? actorId, CancellationToken cancellationToken)
    {
        var details = await orders.FindAsync(orderId, cancellationToken)
            ?? throw new InvalidOperationException($"Order {orderId} vanished.");
        var order = details.Order;
        var voided = details.Tickets.Count(t => t.Status == Void);
        var target = Math.Min(order.Total, checked(order.UnitPrice * voided));
        var owed = target - order.RefundedAmount;
        if (owed <= 0)
        {
            return new RefundOutcome.Refunded(details, 0);
        }

        if (order.PaymentProvider != CheckoutService.FreeProvider)
        {
            if (order.PaymentReference is null || order.PaymentProvider != provider.Name)
            {
                return new RefundOutcome.ProviderRefused(
                    $"The order was paid with {order.PaymentProvider}, which is not configured or has no payment reference.");
            }

            RefundResult refund;
            try
            {
                // Keyed by the cumulative target: a retry of this refund reuses the key, a later partial refund does not.
                refund = await provider.RefundAsync(order.PaymentReference, owed, $"order-{orderId}-refund-to-{target}", cancellationToken);
            }
            catch (PaymentProviderException exception)
            {
                logger.LogWarning(exception, "Refund of order {OrderId} could not reach the provider", orderId);
                return new RefundOutcome.ProviderUnavailable(exception.Message);
            }

            if (refund.Status == RefundStatus.Failed)
            {
                logger.LogWarning("Refund of order {OrderId} refused: {FailureReason}", orderId, refund.FailureReason);
                return new RefundOutcome.ProviderRefused(refund.FailureReason ?? "refused");
            }
        }

        await orders.RecordRefundAsync(orderId, target, actorId, reason, cancellationToken);
        logger.LogInformation("Order {OrderId} refunded {Owed} COP (now {Target} of {Total})", orderId, owed, target, order.Total);
        var updated = await orders.FindAsync(orderId, cancellationToken) ?? details;
        return new RefundOutcome.Refunded(updated, owed);
    }
}
