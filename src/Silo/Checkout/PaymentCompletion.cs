using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Orleans;
using Fashionistas.Grains.Storage;
using Fashionistas.Silo.Payments;
using Microsoft.Extensions.Logging;

namespace Fashionistas.Silo.Checkout;

/// <summary>
/// The one place a successful payment becomes tickets, for checkout (test provider) and webhooks (Stripe) alike.
/// The ticket-type grain marks the order paid and issues its tickets in one transaction. The rule for a payment that
/// arrives after its hold ended: the tickets are issued while seats remain; when they are gone the whole payment is
/// refunded automatically through the provider and the order becomes refunded. An order cancelled before its payment
/// succeeded is settled by the same rule (its hold was released, so it sells from what is left). Every step is
/// idempotent per order.
/// </summary>
public sealed class PaymentCompletion(
    IGrainFactory grains,
    ITicketInventoryStore inventory,
    OrderStore orders,
    IPaymentProvider provider,
    ILogger<PaymentCompletion> logger)
{
    /// <summary>Provider refusal code meaning the money is already back, which is what we wanted.</summary>
    private const string AlreadyRefunded = "charge_already_refunded";

    public async Task<CompletionResult> CompleteAsync(OrderRecord order, string? paymentReference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Status == OrderStatusNames.Cancelled)
        {
            // Cancelled while its payment could not be stopped any more: the money came in, so it is a late payment.
            // Reopened first (the grain only confirms orders awaiting payment); a crash after this leaves a pending
            // order that the provider's redelivery settles the same way.
            await orders.ReopenForLatePaymentAsync(order.Id, paymentReference, cancellationToken);
            logger.LogWarning("Order {OrderId} was paid after it was cancelled; settling it as a late payment", order.Id);
            order = order with { Status = OrderStatusNames.PendingPayment };
        }

        // The grain decides on our reading of the order (it does no I/O in its turn; its commit re-checks the row).
        var request = new SaleRequest(order.Id, order.HoldId, order.BuyerId, order.Quantity, order.Status)
        {
            PaymentReference = paymentReference,
        };
        if (!OrderStatusNames.AwaitsPayment(order.Status) && await inventory.FindOrderAsync(order.Id, cancellationToken) is { } stored)
        {
            // Confirmed before (e.g. a redelivered webhook): the grain replays the tickets the order has.
            request = SaleRequest.From(stored, paymentReference);
        }

        var sale = await grains.GetGrain<ITicketTypeGrain>(order.TicketTypeId).ConfirmSale(request);
        switch (sale)
        {
            case SaleResult.Sold sold:
                return new CompletionResult.Paid(sold.Tickets, sold.Replayed);
            case SaleResult.NoSeats noSeats:
                return await RefundUnsoldAsync(order, paymentReference, noSeats.Reason, cancellationToken);
            case SaleResult.Invalid invalid:
                logger.LogWarning("Paid order {OrderId} could not be confirmed: {Reason}", order.Id, invalid.Reason);
                return new CompletionResult.Rejected(invalid.Reason);
            default:
                logger.LogWarning("Paid order {OrderId} is unknown to ticket type {TicketTypeId}", order.Id, order.TicketTypeId);
                return new CompletionResult.Rejected("The order does not exist.");
        }
    }

    private async Task<CompletionResult> RefundUnsoldAsync(
        OrderRecord order, string? paymentReference, string reason, CancellationToken cancellationToken)
    {
        if (order.Total > 0 && paymentReference is not null)
        {
            if (provider.Name != order.PaymentProvider)
            {
                logger.LogError(
                    "Order {OrderId} paid with {OrderProvider} needs an automatic refund but {Provider} is configured",
                    order.Id, order.PaymentProvider, provider.Name);
                return new CompletionResult.Rejected($"The order was paid with {order.PaymentProvider}, which is not configured.");
            }

            // Same key on every retry: the provider refunds once however often this runs.
            var refund = await provider.RefundAsync(paymentReference, order.Total, $"order-{order.Id}-unsold", cancellationToken);
            if (refund.Status == RefundStatus.Failed && refund.FailureReason != AlreadyRefunded)
            {
                logger.LogError(
                    "Automatic refund of order {OrderId} ({PaymentReference}) was refused: {FailureReason}",
                    order.Id, paymentReference, refund.FailureReason);
                return new CompletionResult.Rejected($"The seats were gone and the automatic refund failed: {refund.FailureReason}.");
            }
        }

        await orders.RecordAutomaticRefundAsync(order.Id, paymentReference, reason, cancellationToken);
        logger.LogWarning(
            "Order {OrderId} was paid after its hold ended and the seats were gone; refunded {Total} COP automatically",
            order.Id, order.Total);
        return new CompletionResult.SeatsGone(reason);
    }
}
