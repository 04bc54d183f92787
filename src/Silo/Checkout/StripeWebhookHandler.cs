using Fashionistas.Grains.Domain;
using Fashionistas.Silo.Payments;
using Fashionistas.Silo.Payments.Stripe;
using Microsoft.Extensions.Logging;

namespace Fashionistas.Silo.Checkout;

/// <summary>
/// Applies verified Stripe events. A redelivered event is applied once: database-only effects (payment failed,
/// dispute) record the event id in the same transaction as the effect; effects that go through the inventory or
/// the provider (tickets, refunds) are idempotent per order on their own and record the event id after them.
/// Throwing (database or provider down) answers 5xx, and Stripe redelivers later.
/// </summary>
public sealed class StripeWebhookHandler(
    OrderStore orders,
    WebhookEvents webhookEvents,
    PaymentCompletion completion,
    RefundService refunds,
    OrderCancellation cancellation,
    HoldGroupStore groups,
    GroupCheckoutService groupCheckout,
    ILogger<StripeWebhookHandler> logger)
{
    private const string Provider = PaymentProviderNames.Stripe;

    public async Task<WebhookOutcome> HandleAsync(StripeWebhookEvent stripeEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stripeEvent);
        if (stripeEvent.Kind == StripeWebhookEventKind.Ignored)
        {
            return WebhookOutcome.Ignored;
        }

        if (await webhookEvents.IsAppliedAsync(Provider, stripeEvent.EventId, cancellationToken))
        {
            logger.LogInformation("Stripe event {EventId} ({EventType}) was applied before", stripeEvent.EventId, stripeEvent.Type);
            return WebhookOutcome.Duplicate;
        }

        var order = await FindOrderAsync(stripeEvent, cancellationToken);
        if (order is null)
        {
            logger.LogWarning(
                "Stripe event {EventId} ({EventType}) names no known order (payment {PaymentIntentId})",
                stripeEvent.EventId, stripeEvent.Type, stripeEvent.PaymentIntentId);
            await webhookEvents.RecordAsync(Provider, stripeEvent.EventId, stripeEvent.Type, cancellationToken);
            return WebhookOutcome.Ignored;
        }

        return stripeEvent.Kind switch
        {
            StripeWebhookEventKind.PaymentSucceeded when order.GroupId is { } groupId =>
                await GroupPaymentSucceededAsync(stripeEvent, groupId, order, cancellationToken),
            StripeWebhookEventKind.PaymentSucceeded => await PaymentSucceededAsync(stripeEvent, order, cancellationToken),
            StripeWebhookEventKind.PaymentFailed when order.GroupId is { } groupId => await InTransactionAsync(stripeEvent, async (c, t) =>
            {
                foreach (var line in await groups.ReadLinesAsync(groupId, cancellationToken))
                {
                    await OrderStore.MarkFailedAsync(c, t, line.Id, cancellationToken);
                }

                return true;
            }, cancellationToken),
            StripeWebhookEventKind.PaymentFailed => await InTransactionAsync(stripeEvent, (c, t) =>
                OrderStore.MarkFailedAsync(c, t, order.Id, cancellationToken), cancellationToken),
            StripeWebhookEventKind.DisputeCreated => await InTransactionAsync(stripeEvent, async (c, t) =>
            {
                await OrderStore.FlagDisputeAsync(
                    c, t, order.Id, stripeEvent.DisputeId, stripeEvent.FailureReason, stripeEvent.AmountCop, cancellationToken);
                logger.LogWarning("Order {OrderId} disputed ({DisputeId}): {Reason}", order.Id, stripeEvent.DisputeId, stripeEvent.FailureReason);
                return true;
            }, cancellationToken),
            StripeWebhookEventKind.ChargeRefunded => await ChargeRefundedAsync(stripeEvent, order, cancellationToken),
            StripeWebhookEventKind.CheckoutExpired => await CheckoutExpiredAsync(stripeEvent, order, cancellationToken),
            _ => WebhookOutcome.Ignored,
        };
    }

    private async Task<WebhookOutcome> PaymentSucceededAsync(StripeWebhookEvent stripeEvent, OrderRecord order, CancellationToken cancellationToken)
    {
        if (stripeEvent.AmountCop is { } amount && amount != order.Total)
        {
            logger.LogWarning(
                "Stripe payment {PaymentIntentId} of {Amount} COP does not match order {OrderId} total {Total} COP",
                stripeEvent.PaymentIntentId, amount, order.Id, order.Total);
        }

        var reference = stripeEvent.PaymentIntentId ?? order.PaymentReference;
        if (reference is not null)
        {
            // An order paid on the hosted page named its session until now: from here on refunds and charge events
            // name the payment intent the session made.
            _ = order.PaymentReference is { } current && StripeCheckoutSessions.IsSession(current) && current != reference
                ? await orders.ReplacePaymentReferenceAsync(order.Id, current, reference, cancellationToken)
                : await orders.SetPaymentReferenceAsync(order.Id, reference, cancellationToken);
        }

        var result = await completion.CompleteAsync(order, reference, cancellationToken);
        logger.LogInformation("Stripe payment for order {OrderId} completed: {Result}", order.Id, result);
        return await RecordAsync(stripeEvent, cancellationToken);
    }

    /// <summary>The one payment of an order of several tiers: every line is confirmed by its tier (<see cref="GroupCompletion"/>).</summary>
    private async Task<WebhookOutcome> GroupPaymentSucceededAsync(
        StripeWebhookEvent stripeEvent, Guid groupId, OrderRecord line, CancellationToken cancellationToken)
    {
        var reference = stripeEvent.PaymentIntentId ?? line.PaymentReference;
        if (reference is not null)
        {
            var session = line.PaymentReference is { } current && StripeCheckoutSessions.IsSession(current) ? current : null;
            await groups.SetPaymentReferenceAsync(groupId, reference, session, cancellationToken);
        }

        var lines = await groups.ReadLinesAsync(groupId, cancellationToken);
        var result = await groupCheckout.CompleteAsync(GroupCheckoutService.AsOneOrder(groupId, lines), lines, reference, cancellationToken);
        logger.LogInformation("Stripe payment for order group {GroupId} completed: {Result}", groupId, result);
        return await RecordAsync(stripeEvent, cancellationToken);
    }

    private async Task<WebhookOutcome> ChargeRefundedAsync(StripeWebhookEvent stripeEvent, OrderRecord order, CancellationToken cancellationToken)
    {
        // One payment paid every line of an order of several tiers, so its refund is the whole order's.
        if (stripeEvent.AmountRefundedCop is { } refunded)
        {
            var lines = order.GroupId is { } groupId ? await groups.ReadLinesAsync(groupId, cancellationToken) : [order];
            await refunds.ApplyProviderRefundAsync(lines, refunded, cancellationToken);
        }

        return await RecordAsync(stripeEvent, cancellationToken);
    }

    /// <summary>
    /// The hosted page expired unpaid (its hold ended, or Stripe's own deadline): no money can come through it, so the
    /// order is cancelled and its hold released, as a buyer's cancel would (a session that completed after all keeps
    /// its order for the payment events to settle).
    /// </summary>
    private async Task<WebhookOutcome> CheckoutExpiredAsync(StripeWebhookEvent stripeEvent, OrderRecord order, CancellationToken cancellationToken)
    {
        if (order.PaymentReference == stripeEvent.CheckoutSessionId && order.Status is OrderStatusNames.PendingPayment or OrderStatusNames.Failed)
        {
            var outcome = await cancellation.CancelAsync(order.Id, actorId: null, cancellationToken);
            if (outcome is CancelOutcome.ProviderUnavailable unavailable)
            {
                // Thrown so the delivery fails and Stripe redelivers once it answers again.
                throw new PaymentProviderException(unavailable.Message);
            }

            logger.LogInformation("Stripe Checkout Session {SessionId} of order {OrderId} expired: {Outcome}", stripeEvent.CheckoutSessionId, order.Id, outcome);
        }

        return await RecordAsync(stripeEvent, cancellationToken);
    }

    private async Task<WebhookOutcome> RecordAsync(StripeWebhookEvent stripeEvent, CancellationToken cancellationToken) =>
        await webhookEvents.RecordAsync(Provider, stripeEvent.EventId, stripeEvent.Type, cancellationToken)
            ? WebhookOutcome.Applied
            : WebhookOutcome.Duplicate;

    private Task<WebhookOutcome> InTransactionAsync(
        StripeWebhookEvent stripeEvent, Func<Npgsql.NpgsqlConnection, Npgsql.NpgsqlTransaction, Task<bool>> effect, CancellationToken cancellationToken) =>
        orders.InTransactionAsync(
            async (connection, transaction) =>
            {
                if (!await WebhookEvents.TryRecordAsync(connection, transaction, Provider, stripeEvent.EventId, stripeEvent.Type, cancellationToken))
                {
                    return WebhookOutcome.Duplicate;
                }

                await effect(connection, transaction);
                return WebhookOutcome.Applied;
            },
            cancellationToken);

    private async Task<OrderRecord?> FindOrderAsync(StripeWebhookEvent stripeEvent, CancellationToken cancellationToken)
    {
        if (stripeEvent.OrderId is { } orderId && await orders.FindAsync(orderId, cancellationToken) is { } details)
        {
            return details.Order;
        }

        // An order of several tiers is paid under its group's id: any of its lines leads to the group.
        if (stripeEvent.OrderId is { } groupId && (await groups.ReadLinesAsync(groupId, cancellationToken)) is [var first, ..])
        {
            return first;
        }

        return stripeEvent.PaymentIntentId is { } paymentIntentId
            ? await orders.FindByPaymentReferenceAsync(Provider, paymentIntentId, cancellationToken)
            : null;
    }
}
