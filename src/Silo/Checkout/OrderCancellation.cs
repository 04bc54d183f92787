using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Orleans;
using Fashionistas.Silo.Payments;
using Microsoft.Extensions.Logging;

namespace Fashionistas.Silo.Checkout;

/// <summary>
/// Cancels an order that awaits payment. The provider's payment is cancelled first, so that once an order is cancelled
/// no payment can take the buyer's money (a payment that already succeeded or is processing refuses, and the order is
/// left to settle as paid). Then the order becomes cancelled (audited) and its hold is released through the ticket-type
/// grain, so the seats are on sale again at once and pushed to live availability. Idempotent: cancelling again answers
/// the cancelled order and releases the hold if a crash left it held.
/// </summary>
/// <remarks>
/// A payment that succeeds after all (one started after the cancel, or whose provider answer arrived late) follows the
/// late-payment rule of <see cref="PaymentCompletion"/>: tickets while seats remain, otherwise an automatic refund.
/// </remarks>
public sealed class OrderCancellation(
    IGrainFactory grains,
    OrderStore orders,
    HoldGroupStore groups,
    IPaymentProvider provider,
    ILogger<OrderCancellation> logger)
{
    public async Task<CancelOutcome> CancelAsync(Guid orderId, Guid? actorId, CancellationToken cancellationToken)
    {
        var details = await orders.FindAsync(orderId, cancellationToken);
        if (details?.Order.GroupId is { } lineOf)
        {
            return await CancelGroupAsync(lineOf, actorId, cancellationToken);
        }

        if (details is null)
        {
            return await groups.FindOrderAsync(orderId, cancellationToken) is null
                ? new CancelOutcome.NotFound()
                : await CancelGroupAsync(orderId, actorId, cancellationToken);
        }

        var order = details.Order;
        switch (order.Status)
        {
            case OrderStatusNames.Cancelled:
                await ReleaseHoldAsync(order);
                return new CancelOutcome.Cancelled(details, AlreadyCancelled: true);
            case OrderStatusNames.PendingPayment or OrderStatusNames.Failed:
                break;
            default:
                return new CancelOutcome.Paid(order.Status);
        }

        if (await CancelPaymentAsync(order, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!await orders.MarkCancelledAsync(orderId, actorId, cancellationToken))
        {
            // Moved on since we read it: paid by a racing webhook, or cancelled by a racing call.
            var now = await orders.FindAsync(orderId, cancellationToken) ?? details;
            if (now.Order.Status != OrderStatusNames.Cancelled)
            {
                return new CancelOutcome.Paid(now.Order.Status);
            }

            await ReleaseHoldAsync(now.Order);
            return new CancelOutcome.Cancelled(now, AlreadyCancelled: true);
        }

        await ReleaseHoldAsync(order);
        logger.LogInformation("Order {OrderId} cancelled by {ActorId}; its {Quantity} seats are released", orderId, actorId, order.Quantity);
        return new CancelOutcome.Cancelled(await orders.FindAsync(orderId, cancellationToken) ?? details, AlreadyCancelled: false);
    }

    /// <summary>
    /// An order of several tiers is cancelled as a whole, never one line (its one payment pays for all of them): the
    /// payment is cancelled once, then every line awaiting payment becomes cancelled and every tier's hold is released.
    /// </summary>
    private async Task<CancelOutcome> CancelGroupAsync(Guid groupId, Guid? actorId, CancellationToken cancellationToken)
    {
        var details = await groups.FindOrderAsync(groupId, cancellationToken);
        if (details is null)
        {
            return new CancelOutcome.NotFound();
        }

        var lines = await groups.ReadLinesAsync(groupId, cancellationToken);
        if (lines.FirstOrDefault(l => l.Status is not (OrderStatusNames.PendingPayment or OrderStatusNames.Failed or OrderStatusNames.Cancelled)) is { } settled)
        {
            return new CancelOutcome.Paid(settled.Status);
        }

        var already = lines.All(l => l.Status == OrderStatusNames.Cancelled);
        if (!already && await CancelPaymentAsync(details.Order, cancellationToken) is { } refused)
        {
            return refused;
        }

        foreach (var line in lines)
        {
            await orders.MarkCancelledAsync(line.Id, actorId, cancellationToken);
        }

        var now = await groups.FindOrderAsync(groupId, cancellationToken) ?? details;
        if (now.Order.Status != OrderStatusNames.Cancelled)
        {
            // A racing webhook paid a line meanwhile: the group settles as paid (or by the late-payment rule).
            return new CancelOutcome.Paid(now.Order.Status);
        }

        foreach (var line in lines)
        {
            await ReleaseHoldAsync(line);
        }

        logger.LogInformation("Order group {GroupId} cancelled by {ActorId}; its {Quantity} seats are released", groupId, actorId, details.Order.Quantity);
        return new CancelOutcome.Cancelled(now, AlreadyCancelled: already);
    }

    /// <summary>Null when the payment can no longer take money (or there is none); otherwise why the order stays as it is.</summary>
    private async Task<CancelOutcome?> CancelPaymentAsync(OrderRecord order, CancellationToken cancellationToken)
    {
        if (order.PaymentReference is not { } reference || order.PaymentProvider == CheckoutService.FreeProvider)
        {
            return null;
        }

        if (order.PaymentProvider != provider.Name)
        {
            logger.LogWarning(
                "Order {OrderId} is paid through {OrderProvider}, which is not configured; its payment {PaymentReference} is not cancelled there",
                order.Id, order.PaymentProvider, reference);
            return null;
        }

        PaymentCancelResult cancelled;
        try
        {
            // Same key on every retry: the provider cancels once however often the buyer clicks.
            cancelled = await provider.CancelAsync(reference, $"order-{order.Id}-cancel", cancellationToken);
        }
        catch (PaymentProviderException exception)
        {
            logger.LogWarning(exception, "Payment {PaymentReference} of order {OrderId} could not be cancelled", reference, order.Id);
            return new CancelOutcome.ProviderUnavailable(exception.Message, exception.IsTransient);
        }

        if (cancelled.Status == PaymentCancelStatus.NotCancellable)
        {
            logger.LogInformation(
                "Order {OrderId} not cancelled: its payment {PaymentReference} is {PaymentStatus}", order.Id, reference, cancelled.ProviderStatus);
            return new CancelOutcome.PaymentInProgress(cancelled.ProviderStatus);
        }

        return null;
    }

    private async Task ReleaseHoldAsync(OrderRecord order)
    {
        // The hold is the buyer's, whoever cancels: the grain checks ownership against the buyer.
        var released = await grains.GetGrain<ITicketTypeGrain>(order.TicketTypeId).Release(order.HoldId, order.BuyerId);
        if (released is not (ReleaseResult.Released or ReleaseResult.NotActive))
        {
            logger.LogWarning("Hold {HoldId} of cancelled order {OrderId} could not be released: {Result}", order.HoldId, order.Id, released);
        }
    }
}
