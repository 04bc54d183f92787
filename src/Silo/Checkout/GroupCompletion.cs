using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Storage;
using Fashionistas.Silo.Payments;
using Microsoft.Extensions.Logging;
using Orleans;

namespace Fashionistas.Silo.Checkout;

/// <summary>
/// A group's one successful payment becomes every tier's tickets: each line is confirmed by its own ticket-type grain
/// (which marks that line paid and issues its tickets in its batch commit, as for any order), in parallel. Idempotent:
/// a retry replays the lines confirmed before. When any tier's seats are gone (its hold ended and sold out meanwhile),
/// the late-payment rule applies to the whole order: the tiers that did sell give their seats back, the one payment is
/// refunded in full (one provider refund, same key on every retry) and every line ends refunded.
/// </summary>
public sealed class GroupCompletion(
    IGrainFactory grains,
    ITicketInventoryStore inventory,
    OrderStore orders,
    HoldGroupStore groups,
    IPaymentProvider provider,
    ILogger<GroupCompletion> logger)
{
    private const string AlreadyRefunded = "charge_already_refunded";

    public async Task<CompletionResult> CompleteAsync(
        Guid groupId, IReadOnlyList<OrderRecord> lines, string? paymentReference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Any(l => l.Status == OrderStatusNames.Refunded && l.PaidAt is null))
        {
            return new CompletionResult.SeatsGone("The order was refunded automatically: a tier's seats were gone.");
        }

        var sales = await Task.WhenAll(lines.Select(line => ConfirmAsync(line, paymentReference, cancellationToken)));
        if (sales.All(s => s is SaleResult.Sold))
        {
            await groups.ApplyAttendeesAsync(groupId, cancellationToken);
            var sold = sales.Cast<SaleResult.Sold>().ToList();
            return new CompletionResult.Paid([.. sold.SelectMany(s => s.Tickets)], sold.All(s => s.Replayed));
        }

        if (sales.OfType<SaleResult.NoSeats>().FirstOrDefault() is { } noSeats)
        {
            return await RefundAllAsync(groupId, lines, sales, paymentReference, noSeats.Reason, cancellationToken);
        }

        var reason = sales.OfType<SaleResult.Invalid>().Select(i => i.Reason).FirstOrDefault() ?? "A line of the order does not exist.";
        logger.LogWarning("Paid order group {GroupId} could not be confirmed: {Reason}", groupId, reason);
        return new CompletionResult.Rejected(reason);
    }

    private async Task<SaleResult> ConfirmAsync(OrderRecord line, string? paymentReference, CancellationToken cancellationToken)
    {
        if (line.Status == OrderStatusNames.Cancelled)
        {
            // Cancelled while its payment could not be stopped: a late payment, settled by the same rule as one line.
            await orders.ReopenForLatePaymentAsync(line.Id, paymentReference, cancellationToken);
            line = line with { Status = OrderStatusNames.PendingPayment };
        }

        var request = new SaleRequest(line.Id, line.HoldId, line.BuyerId, line.Quantity, line.Status) { PaymentReference = paymentReference };
        if (!OrderStatusNames.AwaitsPayment(line.Status) && await inventory.FindOrderAsync(line.Id, cancellationToken) is { } stored)
        {
            request = SaleRequest.From(stored, paymentReference);
        }

        return await grains.GetGrain<ITicketTypeGrain>(line.TicketTypeId).ConfirmSale(request);
    }

    private async Task<CompletionResult> RefundAllAsync(
        Guid groupId, IReadOnlyList<OrderRecord> lines, SaleResult[] sales, string? paymentReference, string reason, CancellationToken cancellationToken)
    {
        // Seats first (idempotent per ticket), so a crash before the money leaves nothing sold that a retry would not return.
        for (var i = 0; i < lines.Count; i++)
        {
            if (sales[i] is SaleResult.Sold sold)
            {
                await grains.GetGrain<ITicketTypeGrain>(lines[i].TicketTypeId).ReturnSeats(lines[i].Id, [.. sold.Tickets.Select(t => t.TicketId)]);
            }
        }

        var total = lines.Sum(l => l.Total);
        if (total > 0 && paymentReference is not null)
        {
            if (provider.Name != lines[0].PaymentProvider)
            {
                return new CompletionResult.Rejected($"The order was paid with {lines[0].PaymentProvider}, which is not configured.");
            }

            var refund = await provider.RefundAsync(paymentReference, total, $"order-{groupId}-unsold", cancellationToken);
            if (refund.Status == RefundStatus.Failed && refund.FailureReason != AlreadyRefunded)
            {
                logger.LogError("Automatic refund of order group {GroupId} was refused: {FailureReason}", groupId, refund.FailureReason);
                return new CompletionResult.Rejected($"A tier's seats were gone and the automatic refund failed: {refund.FailureReason}.");
            }
        }

        for (var i = 0; i < lines.Count; i++)
        {
            _ = sales[i] is SaleResult.Sold
                ? await orders.RecordRefundAsync(lines[i].Id, lines[i].Total, null, reason, cancellationToken)
                : await orders.RecordAutomaticRefundAsync(lines[i].Id, paymentReference, reason, cancellationToken);
        }

        logger.LogWarning("Order group {GroupId} was paid but a tier's seats were gone; refunded {Total} COP in full", groupId, total);
        return new CompletionResult.SeatsGone(reason);
    }
}
