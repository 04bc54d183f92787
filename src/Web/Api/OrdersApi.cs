using System.Security.Claims;
using Fashionistas.Silo.Checkout;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Api.Reference;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Fashionistas.Web.Api;

/// <summary>
/// Orders: the buyer's own; cancelling one that awaits payment (the buyer, the event's organizer or an admin); refunds
/// by the event's organizer or an admin. Whoever may not see an order gets 404, as if it did not exist.
/// </summary>
public static class OrdersApi
{
    private const int MaxOrdersListed = 200;

    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api").WithTags("Orders").RequireAuthorization();
        orders.MapGet("/orders/{id:guid}", Get).Answers(Status404NotFound);
        orders.MapGet("/me/orders", Mine);
        orders.MapPost("/orders/{id:guid}/cancel", Cancel).Answers(Status404NotFound, Status409Conflict, Status502BadGateway);
        orders.MapPost("/orders/{id:guid}/refund", Refund).Validates<RefundRequest>()
            .Answers(Status403Forbidden, Status404NotFound, Status409Conflict, Status502BadGateway);
        return app;
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, OrderStore orders, HoldGroupStore groups, CancellationToken cancellationToken)
    {
        // An order of several tiers is found by its group id too, as the one order the buyer placed.
        var details = await orders.FindAsync(id, cancellationToken) ?? await groups.FindOrderAsync(id, cancellationToken);
        return details is null || !CanSee(user, details.Order)
            ? Problems.NotFound("No such order.")
            : TypedResults.Ok(OrderMapping.ToResponse(details, user.UserId()));
    }

    private static async Task<Ok<IReadOnlyList<OrderResponse>>> Mine(ClaimsPrincipal user, OrderStore orders, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var mine = await orders.ListByBuyerAsync(userId, MaxOrdersListed, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<OrderResponse>>([.. mine.Select(o => OrderMapping.ToResponse(o, userId))]);
    }

    /// <summary>
    /// Pending or failed → cancelled, the hold released and the provider's payment cancelled. Cancelling a cancelled
    /// order answers it again (200); a paid one is 409 (refund it instead).
    /// </summary>
    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Cancel(
        Guid id, ClaimsPrincipal user, OrderStore orders, HoldGroupStore groups, OrderCancellation cancellation, HttpContext http,
        CancellationToken cancellationToken)
    {
        var existing = await orders.FindAsync(id, cancellationToken) ?? await groups.FindOrderAsync(id, cancellationToken);
        if (existing is null || !CanSee(user, existing.Order))
        {
            return Problems.NotFound("No such order.");
        }

        switch (await cancellation.CancelAsync(id, user.UserId(), cancellationToken))
        {
            case CancelOutcome.Cancelled cancelled:
                if (cancelled.AlreadyCancelled)
                {
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                }

                return TypedResults.Ok(OrderMapping.ToResponse(cancelled.Order, user.UserId()));
            case CancelOutcome.Paid paid:
                return Problems.Conflict(
                    "The order is paid and cannot be cancelled; ask for a refund instead.",
                    $"It is {paid.Status}. The event's organizer or an admin refunds it with POST /api/orders/{id}/refund.",
                    new Dictionary<string, object?> { ["status"] = paid.Status, ["refund"] = $"/api/orders/{id}/refund" });
            case CancelOutcome.PaymentInProgress inProgress:
                return Problems.Conflict(
                    "The payment already went through and cannot be stopped; the order will be paid.",
                    $"The payment provider says the payment is {inProgress.ProviderStatus ?? "not cancellable"}. Ask for a refund once it is paid.",
                    new Dictionary<string, object?> { ["paymentStatus"] = inProgress.ProviderStatus, ["refund"] = $"/api/orders/{id}/refund" });
            case CancelOutcome.ProviderUnavailable unavailable:
                return Problems.ProviderUnavailable(http.Response,
                    "The payment provider is not answering; the order was not cancelled. Please retry.", unavailable.IsTransient);
            default:
                return Problems.NotFound("No such order.");
        }
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Refund(
        Guid id, RefundRequest request, ClaimsPrincipal user, OrderStore orders, HoldGroupStore groups, RefundService refunds, HttpContext http,
        CancellationToken cancellationToken)
    {
        var existing = await orders.FindAsync(id, cancellationToken) ?? await groups.FindOrderAsync(id, cancellationToken);
        if (existing is null || !CanSee(user, existing.Order))
        {
            return Problems.NotFound("No such order.");
        }

        if (!user.CanManage(existing.Order.OrganizerId))
        {
            return Problems.Forbidden("Only the event's organizer or an admin may refund an order.");
        }

        var outcome = existing.Order.Id == existing.Order.GroupId
            ? await refunds.RefundGroupAsync(id, request.TicketIds, request.Reason!.Trim(), user.UserId(), cancellationToken)
            : await refunds.RefundAsync(id, request.TicketIds, request.Reason!.Trim(), user.UserId(), cancellationToken);
        switch (outcome)
        {
            case RefundOutcome.Refunded refunded:
                return TypedResults.Ok(OrderMapping.ToResponse(refunded.Order, user.UserId()));
            case RefundOutcome.NotPaid notPaid:
                return Problems.Conflict("The order was never paid.", $"It is {notPaid.Status}.");
            case RefundOutcome.InvalidTickets invalid:
                return Problems.BadRequest("These tickets cannot be refunded.", invalid.Reason);
            case RefundOutcome.ProviderRefused refused:
                return TypedResults.Problem(
                    title: "The tickets are void but the payment provider refused the refund.",
                    detail: refused.Reason,
                    statusCode: StatusCodes.Status502BadGateway);
            case RefundOutcome.ProviderUnavailable:
                return Problems.ProviderUnavailable(http.Response,
                    "The tickets are void but the payment provider is not answering; retry the refund.");
            default:
                return Problems.NotFound("No such order.");
        }
    }

    private static bool CanSee(ClaimsPrincipal user, OrderRecord order) =>
        order.BuyerId == user.UserId() || user.CanManage(order.OrganizerId);
}
