using Fashionistas.Silo.Accounts;
using Fashionistas.Silo.Catalog;
using Fashionistas.Silo.Payments;
using Microsoft.Extensions.Logging;

namespace Fashionistas.Silo.Checkout;

/// <summary>
/// Turns a hold into an order and starts its payment. One order per hold, so a retried checkout finds the same order
/// and sends the provider the same idempotency key (<c>order-{id}</c>): never a second charge. The test provider
/// answers at once and the tickets are issued in this call; Stripe answers "pending" and the webhook finishes.
/// A decline leaves the order failed and the hold in place until it expires; checking out again retries.
/// </summary>
public sealed class CheckoutService(
    HoldQueries holds,
    OrderStore orders,
    UserStore users,
    IPaymentProvider provider,
    PaymentCompletion completion,
    TimeProvider time,
    ILogger<CheckoutService> logger)
{
    /// <summary>orders.payment_provider of an order that costs nothing: no provider is asked.</summary>
    public const string FreeProvider = "none";

    private const string ActiveHold = "active";
    private const string ExpiredHold = "expired";

    public async Task<CheckoutResult> CheckoutAsync(Guid holdId, Guid buyerId, CancellationToken cancellationToken)
    {
        var hold = await holds.FindAsync(holdId, cancellationToken);
        if (hold is null || hold.BuyerId != buyerId)
        {
            return new CheckoutResult.HoldNotFound();
        }

        var holdIsActive = hold.Status == ActiveHold && hold.ExpiresAt > time.GetUtcNow();
        var order = await orders.FindByHoldAsync(holdId, cancellationToken);
        if (order is null)
        {
            if (!holdIsActive)
            {
                return new CheckoutResult.HoldEnded(hold.Status == ActiveHold ? ExpiredHold : hold.Status);
            }

            order = await orders.CreateForHoldAsync(hold, hold.Total == 0 ? FreeProvider : provider.Name, cancellationToken);
            logger.LogInformation("Order {OrderId} created for hold {HoldId}: {Total} COP", order.Id, holdId, order.Total);
        }

        switch (order.Status)
        {
            case OrderStatusNames.Paid or OrderStatusNames.PartiallyRefunded:
                return new CheckoutResult.Paid(await RequireAsync(order.Id, cancellationToken));
            case OrderStatusNames.Failed when !holdIsActive:
                return new CheckoutResult.HoldEnded(hold.Status == ActiveHold ? ExpiredHold : hold.Status);
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

        var buyer = await users.FindByIdAsync(buyerId, cancellationToken);
        var request = new PaymentRequest(
            order.Id,
            order.Total,
            $"{order.Quantity} × {order.TicketTypeName} - {order.EventName}",
            buyer?.Email ?? string.Empty,
            $"order-{order.Id}");
        PaymentStart start;
        try
        {
            start = await provider.StartAsync(request, cancellationToken);
        }
        catch (PaymentProviderException exception)
        {
            logger.LogWarning(exception, "Payment of order {OrderId} could not be started", order.Id);
            return new CheckoutResult.ProviderUnavailable(exception.Message, exception.IsTransient);
        }

        if (start.ProviderReference is { } reference && !await orders.SetPaymentReferenceAsync(order.Id, reference, cancellationToken))
        {
            logger.LogError("Order {OrderId} already has another payment than {PaymentReference}", order.Id, reference);
        }

        switch (start.Status)
        {
            case PaymentStartStatus.Succeeded:
                return await CompleteAsync(order, start.ProviderReference, cancellationToken);
            case PaymentStartStatus.RequiresAction:
                await orders.MarkPendingAsync(order.Id, cancellationToken);
                return new CheckoutResult.Pending(await RequireRecordAsync(order.Id, cancellationToken), start.ClientSecret);
            default:
                await orders.MarkFailedAsync(order.Id, cancellationToken);
                logger.LogInformation("Payment of order {OrderId} declined: {DeclineReason}", order.Id, start.DeclineReason);
                return new CheckoutResult.Declined(
                    await RequireRecordAsync(order.Id, cancellationToken), start.DeclineReason ?? "declined", hold.ExpiresAt);
        }
    }

    private async Task<CheckoutResult> CompleteAsync(OrderRecord order, string? reference, CancellationToken cancellationToken) =>
        await completion.CompleteAsync(order, reference, cancellationToken) switch
        {
            CompletionResult.Paid => new CheckoutResult.Paid(await RequireAsync(order.Id, cancellationToken)),
            CompletionResult.SeatsGone gone => new CheckoutResult.SeatsGone(await RequireRecordAsync(order.Id, cancellationToken), gone.Reason),
            CompletionResult.Rejected rejected => new CheckoutResult.OrderClosed(await RequireRecordAsync(order.Id, cancellationToken), rejected.Reason),
            _ => throw new InvalidOperationException("Unknown completion result."),
        };

    private async Task<OrderDetails> RequireAsync(Guid orderId, CancellationToken cancellationToken) =>
        await orders.FindAsync(orderId, cancellationToken) ?? throw new InvalidOperationException($"Order {orderId} vanished.");

    private async Task<OrderRecord> RequireRecordAsync(Guid orderId, CancellationToken cancellationToken) =>
        (await RequireAsync(orderId, cancellationToken)).Order;
}
