using Fashionistas.Grains.Domain;
using Fashionistas.Silo.Payments;
using Fashionistas.Silo.Tickets;
using Microsoft.Extensions.Logging;

namespace Fashionistas.Silo.Checkout;

/// <summary>
/// Checks out a hold group as one order: one orders row per tier (its lines, created together), one provider payment
/// for the sum (idempotency key <c>order-{groupId}</c>, so a retry never charges twice), one confirmation that issues
/// every tier's tickets (<see cref="GroupCompletion"/>). The answers are those of a one-tier checkout, with the group's
/// id as the order's.
/// </summary>
public sealed class GroupCheckoutService(
    HoldGroupStore groups,
    OrderStore orders,
    TicketAttendees attendeeSettings,
    IPaymentProvider provider,
    GroupCompletion completion,
    TimeProvider time,
    ILogger<GroupCheckoutService> logger)
{
    private static readonly string ExpiredHold = HoldStatus.Expired.ToStorageName();

    public async Task<CheckoutResult> CheckoutAsync(
        Guid groupId, Guid buyerId, string? idempotencyKey, IReadOnlyList<(Guid TicketTypeId, string? Name, string? Document)>? attendeesGiven,
        Func<OrderRecord, PaymentReturn>? returnPages, CancellationToken cancellationToken)
    {
        IReadOnlyList<AttendeeEntry>? attendees = null;
        if (attendeesGiven is not null)
        {
            if (await groups.FindAsync(groupId, cancellationToken) is not { } held || held.BuyerId != buyerId)
            {
                return new CheckoutResult.HoldNotFound();
            }

            var documentRequired = await attendeeSettings.IsDocumentRequiredAsync(held.EventId, cancellationToken);
            attendees = GroupAttendees.Normalize(held, attendeesGiven, documentRequired, out var reason);
            if (attendees is null)
            {
                return new CheckoutResult.AttendeesInvalid(reason!);
            }
        }

        var now = time.GetUtcNow();
        var start = await groups.StartCheckoutAsync(groupId, buyerId, provider.Name, CheckoutService.FreeProvider, now, idempotencyKey, attendees, cancellationToken);
        if (start is null)
        {
            return new CheckoutResult.HoldNotFound();
        }

        if (start.StoredAnswer is { } stored)
        {
            return new CheckoutResult.Replayed(stored);
        }

        var group = start.Group;
        var holdsActive = group.Holds.All(h => h.Status == HoldStatus.Active) && group.ExpiresAt > now;
        var lines = start.Lines;
        if (lines.Count == 0)
        {
            return new CheckoutResult.HoldEnded(group.Holds.FirstOrDefault(h => h.Status != HoldStatus.Active)?.Status.ToStorageName() ?? ExpiredHold);
        }

        if (start.Created)
        {
            logger.LogInformation("Order group {GroupId} created with {Lines} lines: {Total} COP", groupId, lines.Count, group.Total);
        }

        var order = AsOneOrder(groupId, lines);
        if (lines.All(l => l.Status is OrderStatusNames.Paid or OrderStatusNames.PartiallyRefunded))
        {
            return new CheckoutResult.Paid(await PaidAsync(order, cancellationToken));
        }

        if (lines.Any(l => l.Status is not (OrderStatusNames.PendingPayment or OrderStatusNames.Failed)))
        {
            return new CheckoutResult.OrderClosed(order, $"The order is {order.Status}.");
        }

        if (lines.Any(l => l.Status == OrderStatusNames.Failed) && !holdsActive)
        {
            return new CheckoutResult.HoldEnded(ExpiredHold);
        }

        if (order.PaymentProvider == CheckoutService.FreeProvider)
        {
            return await CompleteAsync(order, lines, null, cancellationToken);
        }

        if (order.PaymentProvider != provider.Name)
        {
            return new CheckoutResult.OrderClosed(order, $"The order was started with {order.PaymentProvider}, which is not configured.");
        }

        var quantity = lines.Sum(l => l.Quantity);
        var itemName = $"{quantity} × {string.Join(" + ", lines.Select(l => l.TicketTypeName))} - {order.EventName}";
        var request = new PaymentRequest(order.Id, order.Total, itemName, start.BuyerEmail, $"order-{order.Id}")
        {
            HoldId = group.Holds[0].Id,
            HoldExpiresAt = group.ExpiresAt,
            Quantity = 1,
            UnitPriceCop = order.Total,
            ItemName = itemName,
            Return = returnPages?.Invoke(order),
        };
        PaymentStart payment;
        try
        {
            payment = await provider.StartAsync(request, cancellationToken);
        }
        catch (PaymentProviderException exception)
        {
            logger.LogWarning(exception, "Payment of order group {GroupId} could not be started", groupId);
            return new CheckoutResult.ProviderUnavailable(exception.Message, exception.IsTransient);
        }

        var reference = payment.ProviderReference;
        if (reference is not null && !await groups.SetPaymentReferenceAsync(groupId, reference, null, cancellationToken))
        {
            logger.LogError("Order group {GroupId} already has another payment than {PaymentReference}", groupId, reference);
        }

        switch (payment.Status)
        {
            case PaymentStartStatus.Succeeded:
                return await CompleteAsync(order, lines, reference, cancellationToken);
            case PaymentStartStatus.RequiresAction:
                await groups.MarkPendingAsync(groupId, cancellationToken);
                return new CheckoutResult.Pending(order with { Status = OrderStatusNames.PendingPayment }, payment.ClientSecret, payment.RedirectUrl);
            default:
                foreach (var line in lines)
                {
                    await orders.MarkFailedAsync(line.Id, cancellationToken);
                }

                logger.LogInformation("Payment of order group {GroupId} declined: {DeclineReason}", groupId, payment.DeclineReason);
                return new CheckoutResult.Declined(order with { Status = OrderStatusNames.Failed }, payment.DeclineReason ?? "declined", group.ExpiresAt);
        }
    }

    /// <summary>
    /// The group's lines seen as the one order the buyer placed: the group's id, the sum of the lines, the first line's
    /// event, provider and payment, and the status they share (a line that differs wins, so a half-settled group never reads paid).
    /// </summary>
    public static OrderRecord AsOneOrder(Guid groupId, IReadOnlyList<OrderRecord> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var first = lines[0];
        var status = lines.Select(l => l.Status).Distinct().OrderBy(s => s == OrderStatusNames.Paid).First();
        return first with
        {
            Id = groupId,
            HoldId = groupId,
            Quantity = lines.Sum(l => l.Quantity),
            UnitPrice = 0,
            Total = lines.Sum(l => l.Total),
            RefundedAmount = lines.Sum(l => l.RefundedAmount),
            TicketTypeName = string.Join(" + ", lines.Select(l => l.TicketTypeName)),
            Status = status,
            GroupId = groupId,
        };
    }

    /// <summary>Settles the group's payment (also from a webhook); <paramref name="lines"/> as just read.</summary>
    public async Task<CheckoutResult> CompleteAsync(OrderRecord order, IReadOnlyList<OrderRecord> lines, string? reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        return await completion.CompleteAsync(order.Id, lines, reference, cancellationToken) switch
        {
            CompletionResult.Paid => new CheckoutResult.Paid(await PaidAsync(order, cancellationToken)),
            CompletionResult.SeatsGone gone => new CheckoutResult.SeatsGone(await ReadAsync(order.Id, cancellationToken), gone.Reason),
            CompletionResult.Rejected rejected => new CheckoutResult.OrderClosed(await ReadAsync(order.Id, cancellationToken), rejected.Reason),
            _ => throw new InvalidOperationException("Unknown completion result."),
        };
    }

    private async Task<PaidCheckout> PaidAsync(OrderRecord order, CancellationToken cancellationToken)
    {
        var tickets = await groups.ReadTicketsAsync(order.Id, cancellationToken);
        var lines = await groups.ReadLinesAsync(order.Id, cancellationToken);
        return new PaidCheckout(
            order.Id,
            AsOneOrder(order.Id, lines).Status,
            order.Total,
            [.. tickets.Where(t => t.OwnerId == order.BuyerId).Select(t => new Grains.Contracts.IssuedTicket(t.Id, t.Code))]);
    }

    private async Task<OrderRecord> ReadAsync(Guid groupId, CancellationToken cancellationToken) =>
        AsOneOrder(groupId, await groups.ReadLinesAsync(groupId, cancellationToken));
}
