using System.Security.Claims;
using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Orleans;
using Fashionistas.Silo.Allocations;
using Fashionistas.Silo.Catalog;
using Fashionistas.Silo.Checkout;
using Fashionistas.Silo.Codes;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Api.Contracts.Allocations;
using Fashionistas.Web.Api.Reference;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Fashionistas.Web.Observability;
using Fashionistas.Web.WaitingRoom;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Fashionistas.Web.Api;

/// <summary>The hot path: holding seats of a ticket type, and giving them back.</summary>
public static class HoldsApi
{
    private const int MaxQuantity = 100;

    public static IEndpointRouteBuilder MapHoldsApi(this IEndpointRouteBuilder app)
    {
        var holds = app.MapGroup("/api").WithTags("Holds").RequireAuthorization().OnPurchasePath();
        holds.MapPost("/ticket-types/{id:guid}/holds", Hold).RequireWaitingRoomPass(WaitingRoomScope.TicketType)
            .Answers(Status404NotFound, Status409Conflict);
        holds.MapGet("/holds/{id:guid}", Get).Answers(Status404NotFound);
        holds.MapDelete("/holds/{id:guid}", Release).Answers(Status403Forbidden, Status404NotFound, Status409Conflict);
        return app;
    }

    private static async Task<Results<Created<HoldResponse>, ValidationProblem, ProblemHttpResult>> Hold(
        Guid id, HoldRequestBody request, ClaimsPrincipal user, IGrainFactory grains, TicketingMetrics metrics,
        HoldCodeResolver allocationCodes, HoldCodes codes, HttpContext http, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey = null)
    {
        var validation = new Validation()
            .Require(request.Quantity is >= 1 and <= MaxQuantity, "quantity", $"quantity must be 1 to {MaxQuantity}.")
            .IdempotencyKey(idempotencyKey)
            .Require(request.Code is null || HoldCodes.IsWellFormed(request.Code) || AllocationRequest.IsCode(request.Code.Trim()), "code",
                $"code must be {HoldCodes.MinLength} to {HoldCodes.MaxLength} letters, digits, '-' or '_'.");
        if (!validation.IsValid)
        {
            metrics.HoldOutcome("invalid");
            return Problems.Invalid(validation.Errors);
        }

        var hold = new HoldRequest(user.UserId(), request.Quantity!.Value, idempotencyKey);
        HoldResult result;
        if (request.Code is not { } code)
        {
            result = await grains.GetGrain<ITicketTypeGrain>(id).Hold(hold);
        }
        else if (await allocationCodes.ResolveAsync(id, code, http.RequestAborted) is HoldCode.AllocationCode allocation)
        {
            // A reserved allocation's code draws the seats from it; any other code is a promo or access code.
            result = await grains.GetGrain<ITicketTypeGrain>(id).Hold(hold with { AllocationId = allocation.AllocationId });
        }
        else
        {
            switch (await codes.HoldAsync(id, hold, code, http.RequestAborted))
            {
                case CodeHoldOutcome.Answered answered:
                    result = answered.Result;
                    break;
                case CodeHoldOutcome.CodeRefused refused:
                    metrics.HoldOutcome("code_refused");
                    return Problems.Conflict("The code cannot be used.", refused.Reason);
                default:
                    metrics.HoldOutcome("code_not_found");
                    return Problems.NotFound("No such code for this event.");
            }
        }

        metrics.HoldOutcome(result);
        switch (result)
        {
            case HoldResult.Accepted accepted:
                var h = accepted.Hold;
                if (h.Replayed)
                {
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                }

                return TypedResults.Created($"/api/holds/{h.HoldId}",
                    new HoldResponse(h.HoldId, h.TicketTypeId, h.EventId, h.Quantity, h.UnitPrice, h.Total, h.ExpiresAt, HoldStatus.Active.ToStorageName()));
            default:
                return HoldRefusals.ToProblem(result);
        }
    }

    private static async Task<Results<Ok<HoldResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, HoldQueries holds, CancellationToken cancellationToken)
    {
        var hold = await holds.FindAsync(id, cancellationToken);
        return hold is null || (hold.BuyerId != user.UserId() && !user.IsAdmin())
            ? Problems.NotFound("No such hold.")
            : TypedResults.Ok(new HoldResponse(hold.Id, hold.TicketTypeId, hold.EventId, hold.Quantity, hold.UnitPrice, hold.Total, hold.ExpiresAt, hold.Status.ToStorageName()));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Release(
        Guid id, ClaimsPrincipal user, HoldQueries holds, HoldGroupStore groups, MultiTierHolds multiTier, IGrainFactory grains,
        CancellationToken cancellationToken)
    {
        // Someone else's hold is answered exactly as a hold that does not exist: its id confirms nothing.
        var hold = await holds.FindAsync(id, cancellationToken);
        if (hold is null && await groups.FindAsync(id, cancellationToken) is { } group && group.BuyerId == user.UserId())
        {
            return await multiTier.ReleaseAsync(group, cancellationToken)
                ? TypedResults.NoContent()
                : Problems.Conflict("The hold group has an order.", "Cancel the order instead.");
        }

        if (hold is null || hold.BuyerId != user.UserId())
        {
            return Problems.NotFound("No such hold.");
        }

        if (hold.GroupId is { } groupId)
        {
            // One tier alone would leave the group with a tier missing: the group goes as a whole.
            return Problems.Conflict("The hold is part of a hold across tiers.", $"Release the group {groupId} instead.",
                new Dictionary<string, object?> { ["groupId"] = groupId });
        }

        return await grains.GetGrain<ITicketTypeGrain>(hold.TicketTypeId).Release(id, user.UserId()) switch
        {
            ReleaseResult.Released => TypedResults.NoContent(),
            ReleaseResult.NotActive notActive => Problems.Conflict("The hold has already ended.", $"It is {notActive.Status}."),
            _ => Problems.NotFound("No such hold."),
        };
    }
}
