using Fashionistas.Grains.Domain;
using Fashionistas.Silo.Payments;
using Microsoft.Extensions.Logging;

namespace Fashionistas.Silo.Checkout;

/// <summary>
/// Turns a hold into an order and starts its payment. One order per hold, so a retried checkout finds the same order
/// and sends the provider the same idempotency key (<c>order-{id}</c>): never a second charge. The test provider
/// answers at once and the tickets are issued in this call; Stripe answers "pending" with its hosted payment page
/// (a Checkout Session the buyer is sent to) and the webhook finishes.
/// A decline leaves the order failed and the hold in place until it expires; checking out again retries.
/// </summary>
/// <remarks>
/// Round trips of a checkout paid at once (test provider): one statement reads the hold, its order, the buyer's
/// e-mail and the answer stored for the idempotency key, and creates the order when missing
/// (<see cref="OrderStore.StartCheckoutAsync"/>); the ticket-type grain then
/// marks the order paid, stores the payment reference and issues the tickets in its batch commit, shared with
/// everyone else's holds; the answer is built from the grain's tickets without reading them back.
/// </remarks>
public sealed class CheckoutService(
    OrderStore orders,
    IPaymentProvider provider,
    PaymentCompletion completion,
    TimeProvider time,
    ILogger<CheckoutService> logger)
{
    /// <summary>orders.payment_provider of an order that costs nothing: no provider is asked.</summary>
    public const string FreeProvider = "none";

    /// <summary>
    /// Checks the hold out; with <paramref name="idempotencyKey"/>, a retry whose first answer was stored
    /// (<see cref="IdempotentAnswers"/>, scope <see cref="IdempotentAnswers.CheckoutScope"/>) gets it back and nothing is done again.
    /// <paramref name="returnPages"/> names the pages a provider's hosted payment page sends the buyer back to (null: the
    /// buyer's browser takes no part, so no hosted page is offered).
    /// </summary>
    public async Task<CheckoutResult> CheckoutAsync(
        Guid holdId, Guid buyerId, string? idempotencyKey, Func<OrderRecord, PaymentReturn>? returnPages, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var start = await orders.StartCheckoutAsync(holdId, buyerId, provider.Name, FreeProvider, now, idempotencyKey, cancellationToken);
        if (start is null)
        {
            return new CheckoutResult.HoldNotFound();
        }

        if (start.StoredAnswer is { } stored)
        {
            return new CheckoutResult.Replayed(stored);
        }

        var hold = start.Hold;
        var holdIsActive = hold.Status == HoldStatus.Active && hold.ExpiresAt > now;
        var order = start.Order;
        if (order is null)
        {
            if (!holdIsActive)
            {
                return new CheckoutResult.HoldEnded((hold.Status == HoldStatus.Active ? HoldStatus.Expired : hold.Status).ToStorageName());
            }

            // A concurrent checkout of the same hold created the order after our statement's snapshot.
            order = await orders.FindByHoldAsync(holdId, cancellationToken)
                ?? throw new InvalidOperationException($"The order of hold {holdId} vanished after its insert.");
        }
        else if (start.OrderCreated)
        {
            logger.LogInformation("Order {OrderId} created for hold {HoldId}: {Total} COP", order.Id, holdId, order.Total);
        }

        switch (order.Status)
        {
            case OrderStatusNames.Paid or OrderStatusNames.PartiallyRefunded:
                return new CheckoutResult.Paid(PaidCheckout.From(await RequireAsync(order.Id, cancellationToken)));
            case OrderStatusNames.Failed when !holdIsActive:
                return new CheckoutResult.HoldEnded((hold.Status == HoldStatus.Active ? HoldStatus.Expired : hold.Status).ToStorageName());
            case OrderStatusNames.Failed or OrderStatusNames.PendingPayment:
                break;
            default:
                return new CheckoutResult.OrderClosed(order, $"The order is {order.Status}.");
        }

        if (order.PaymentProvider == FreeProvider)
        {
            return await CompleteAsync(order, null, cancellationToken);
        }

        if (order.PaymentProvider != provider.Name)
        {
            return new CheckoutResult.OrderClosed(order, $"The order was started with {order.PaymentProvider}, which is not configured.");
        }

        var request = new PaymentRequest(
            order.Id,
            order.Total,
            $"{order.Quantity} × {order.TicketTypeName} - {order.EventName}",
            start.BuyerEmail,
            $"order-{order.Id}")
        {
            HoldId = hold.Id,
            HoldExpiresAt = hold.ExpiresAt,
            Quantity = order.Quantity,
            UnitPriceCop = order.UnitPrice,
            ItemName = $"{order.TicketTypeName} - {order.EventName}",
            Return = returnPages?.Invoke(order),
        };
        PaymentStart payment;
        try
        {
            payment = await provider.StartAsync(request, cancellationToken);
        }
        catch (PaymentProviderException exception)
        {
            logger.LogWarning(exception, "Payment of order {OrderId} could not be started", order.Id);
            return new CheckoutResult.ProviderUnavailable(exception.Message, exception.IsTransient);
        }

        var reference = payment.ProviderReference;
        if (payment.Status == PaymentStartStatus.Succeeded)
        {
            // The reference is stored by the grain's commit with the tickets (an existing one is kept).
            if (reference is not null && order.PaymentReference is { } existing && existing != reference)
            {
                logger.LogError("Order {OrderId} already has another payment than {PaymentReference}", order.Id, reference);
            }

            return await CompleteAsync(order, reference, cancellationToken);
        }

        if (reference is not null && !await orders.SetPaymentReferenceAsync(order.Id, reference, cancellationToken))
        {
            logger.LogError("Order {OrderId} already has another payment than {PaymentReference}", order.Id, reference);
        }

        if (payment.Status == PaymentStartStatus.RequiresAction)
        {
            await orders.MarkPendingAsync(order.Id, cancellationToken);
            return new CheckoutResult.Pending(await RequireRecordAsync(order.Id, cancellationToken), payment.ClientSecret, payment.RedirectUrl);
        }

        await orders.MarkFailedAsync(order.Id, cancellationToken);
        logger.LogInformation("Payment of order {OrderId} declined: {DeclineReason}", order.Id, payment.DeclineReason);
        return new CheckoutResult.Declined(
            await RequireRecordAsync(order.Id, cancellationToken), payment.DeclineReason ?? "declined", hold.ExpiresAt);
    }

    private async Task<CheckoutResult> CompleteAsync(OrderRecord order, string? reference, CancellationToken cancellationToken) =>
        await completion.CompleteAsync(order, reference, cancellationToken) switch
        {
            // Issued just now: the grain's answer is the whole story (all tickets valid, the buyer's, order paid).
            CompletionResult.Paid { Replayed: false } paid =>
                new CheckoutResult.Paid(new PaidCheckout(order.Id, OrderStatusNames.Paid, order.Total, paid.Tickets)),
            CompletionResult.Paid => new CheckoutResult.Paid(PaidCheckout.From(await RequireAsync(order.Id, cancellationToken))),
            CompletionResult.SeatsGone gone => new CheckoutResult.SeatsGone(await RequireRecordAsync(order.Id, cancellationToken), gone.Reason),
            CompletionResult.Rejected rejected => new CheckoutResult.OrderClosed(await RequireRecordAsync(order.Id, cancellationToken), rejected.Reason),
            _ => throw new InvalidOperationException("Unknown completion result."),
        };

    private async Task<OrderDetails> RequireAsync(Guid orderId, CancellationToken cancellationToken) =>
        await orders.FindAsync(orderId, cancellationToken) ?? throw new InvalidOperationException($"Order {orderId} vanished.");

    private async Task<OrderRecord> RequireRecordAsync(Guid orderId, CancellationToken cancellationToken) =>
        (await RequireAsync(orderId, cancellationToken)).Order;
}
